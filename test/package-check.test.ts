import { describe, expect, it } from 'vitest';
import { classifyAudit } from '../scripts/package-check.mjs';

// `npm run package-check` runs the real tools on the packed tarball (CI runs it); these cases pin how it
// reads `npm audit --json`, including the answers this CI's registry mirror cannot give.
describe('reading npm audit --json', () => {
  const report = (counts: Record<string, number>, vulnerabilities: Record<string, unknown> = {}) =>
    JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities,
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts }, dependencies: { prod: 12, dev: 0, total: 12 } },
    });

  it('passes a report with no high or critical advisory', () => {
    expect(classifyAudit(report({ moderate: 1, total: 1 }, { foo: { name: 'foo', severity: 'moderate' } }))).toEqual({
      kind: 'report',
      counts: expect.objectContaining({ moderate: 1, high: 0, critical: 0 }),
      serious: [],
      failed: false,
    });
  });

  it('fails a report with a high or critical advisory, naming the packages', () => {
    const verdict = classifyAudit(report({ high: 1, critical: 1, total: 2 }, { a: { name: 'a', severity: 'high' }, b: { name: 'b', severity: 'critical' } }));
    expect(verdict).toMatchObject({ kind: 'report', failed: true, serious: ['a (high)', 'b (critical)'] });
  });

  it('says the audit could not run when the registry has no audit endpoint, rather than passing it', () => {
    const refused = { message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405, body: '' };
    expect(classifyAudit(JSON.stringify(refused))).toEqual({ kind: 'unavailable', reason: refused.message });
    expect(classifyAudit(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request failed' } }))).toEqual({ kind: 'unavailable', reason: 'request failed' });
  });

  it('does not take anything else for a clean report', () => {
    expect(classifyAudit('')).toMatchObject({ kind: 'unrecognized' });
    expect(classifyAudit('{"auditReportVersion": 2}')).toMatchObject({ kind: 'unrecognized' });
  });
});
