export type AuditVerdict =
  | { kind: 'report'; counts: Record<string, number>; serious: string[]; failed: boolean }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'unrecognized'; reason: string };
/** What `npm audit --json` printed, read: a report (failed on any high or critical), no audit at all, or neither. */
export declare function classifyAudit(stdout: string): AuditVerdict;
