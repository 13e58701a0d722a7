import { describe, expect, it } from 'vitest';
import { captureBody, extractNotice, loadSimplifier, needsTransform } from '../src/index.js';
import { cli } from './support/cli.js';

describe('normalising a captured notice', () => {
  it('detects traditional characters and pinyin glosses, and nothing in a simplified text', () => {
    expect(needsTransform('京人社事業(yè)字〔2024〕96號')).toBe('traditional-with-pinyin');
    expect(needsTransform('關於職稱評審')).toBe('traditional-with-pinyin');
    expect(needsTransform('关于做好2024年职称评审工作的通知(附件1)')).toBe('none');
  });

  it('removes glosses and converts to simplified, as notice.md holds it', async () => {
    const simplify = await loadSimplifier();
    expect(extractNotice('頁首\n京人社事業(yè)字〔2024〕96號\n\n一、申報(bào)人員範圍\n2024年6月19日\n頁尾', { firstLine: '京人社事業(yè)字〔2024〕96號', lastLine: '2024年6月19日', transform: 'traditional-with-pinyin' }, simplify)).toBe(
      '# 京人社事业字〔2024〕96号\n\n一、申报人员范围\n\n2024年6月19日\n',
    );
  });

  it('takes the whole text when no lines are named, and keeps one heading mark for a notice.md', () => {
    expect(extractNotice('# 通知\n\n一、条件\n')).toBe('# 通知\n\n一、条件\n');
  });

  it('names the line it cannot find, in both languages', () => {
    expect(() => captureBody('a\nb', { firstLine: 'c' })).toThrow(/首行[\s\S]*first line not found/);
    expect(() => captureBody('a\nb', { lastLine: 'c' })).toThrow(/last line not found/);
    expect(() => captureBody('a\nb', { corrections: [{ from: 'x', to: 'y' }] })).toThrow(/correction not found/);
    expect(() => captureBody(' \n')).toThrow(/empty/);
  });

  it('zhicheng new refuses bad options with usage and names them, never a stack trace', async () => {
    expect(await cli('new')).toMatchObject({ code: 64 });
    expect(await cli('new', 'Bad_Id', '--notice', 'x')).toMatchObject({ code: 64, stderr: expect.stringContaining('kebab-case') });
    expect(await cli('new', 'a-1')).toMatchObject({ code: 64, stderr: expect.stringContaining('--notice') });
    expect(await cli('new', 'a-1', '--notice', 'x', '--transform', 'latin')).toMatchObject({ code: 64, stderr: expect.stringContaining('--transform') });
    expect(await cli('new', 'a-1', '--notice', '/no/such/file')).toMatchObject({ code: 66, stderr: expect.stringContaining('/no/such/file') });
    expect(await cli('new', 'a-1', '--notice', 'x', '--correction', 'nothing')).toMatchObject({ code: 64, stderr: expect.stringContaining('--correction') });
  });
});
