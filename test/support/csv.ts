/** A small RFC 4180 reader for tests: rows of cells, quotes and doubled quotes undone. */
export function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') [cell, index] = [cell + '"', index + 1];
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') [row, cell] = [[...row, cell], ''];
    else if (char === '\n') [rows[rows.length], row, cell] = [[...row, cell], [], ''];
    else cell += char;
  }
  if (cell || row.length > 0) rows.push([...row, cell]);
  return rows;
}
