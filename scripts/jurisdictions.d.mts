/** The README's jurisdiction table, generated from each rules/<id>/ruleset.json. */
export declare const START: string;
export declare const END: string;
export declare function jurisdictionsTable(): string;
export declare function readmeWithTable(readme: string): string;
