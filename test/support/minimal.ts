/**
 * A small, valid rule set over a small notice: the base that the loader tests break one thing at a
 * time. Built fresh on every call, so tests can mutate it.
 */
export const MINIMAL_NOTICE = `# 某市关于做好2030年职称评审工作的通知

一、申报条件

(一)离退休人员不得申报。

(二)申报中级职称的,须在2028年12月31日前取得初级资格。

二、其他

(一)评审会议在11月底前结束。
`;

export function minimalRuleSet(): any {
  return {
    id: 'test-2030',
    title: { zh: '某市2030年职称评审通知', en: 'A city, 2030' },
    jurisdiction: { region: '某省', city: '某市' },
    authority: '某市人力资源和社会保障局',
    issued: '2030-05-01',
    year: 2030,
    source: { seed: 'none.txt', firstLine: '某市关于做好2030年职称评审工作的通知', lastLine: '(一)评审会议在11月底前结束。' },
    scope: { levels: ['intermediate'] },
    parameters: {
      tenureCutoff: {
        type: 'date',
        value: '2028-12-31',
        description: { zh: '取得初级资格截止日期', en: 'junior title cut-off' },
        citation: { clause: '一、(二)', quote: '须在2028年12月31日前取得初级资格' },
      },
    },
    conditions: [
      {
        id: 'not-retired',
        title: { zh: '非离退休人员', en: 'Not retired' },
        citation: { clause: '一、(一)', quote: '离退休人员不得申报' },
        test: { fact: 'field', params: { path: 'status.retired' }, operator: 'equal', value: false },
      },
      {
        id: 'tenure',
        title: { zh: '取得初级资格', en: 'Junior title held' },
        citation: { clause: '一、(二)', quote: '申报中级职称的,须在2028年12月31日前取得初级资格' },
        appliesWhen: { fact: 'field', params: { path: 'application.targetLevel' }, operator: 'equal', value: 'intermediate' },
        test: { fact: 'titleObtainedOn', params: { atLeast: 'clerk' }, operator: 'dateOnOrBefore', value: { param: 'tenureCutoff' } },
      },
    ],
    coverage: [
      { clause: '一、(一)', kind: 'condition', conditions: ['not-retired'] },
      { clause: '一、(二)', kind: 'condition', conditions: ['tenure'] },
      { clause: '二、(一)', kind: 'procedural', note: { zh: '评审会议时间', en: 'meeting dates' } },
    ],
  };
}
