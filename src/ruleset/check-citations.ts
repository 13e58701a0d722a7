import { expectString } from '../arguments.js';
import { fromZodIssues, REPORT_INPUT, ValidationError, type ValidationIssue } from '../errors.js';
import { checkCitations as checkDocumentCitations } from './notice.js';
import { ownCopy } from './own-copy.js';
import { dropPrototypes } from '../profile/plain.js';
import { ruleSetSchema, type RuleSetDocument } from './schema.js';

/**
 * `checkCitations` as the library exports it: the document is validated first (a ValidationError lists
 * what is wrong with it), so a value that is no rule-set document is refused, never read halfway. The
 * loader, whose documents are already valid, calls the check in notice.ts directly.
 */
export function checkCitations(document: RuleSetDocument, noticeText: string, options: { coverageComplete?: boolean } = {}): ValidationIssue[] {
  expectString(noticeText, 'noticeText');
  const parsed = ruleSetSchema.safeParse(ownCopy(document), REPORT_INPUT);
  if (!parsed.success) throw new ValidationError('ruleSet', fromZodIssues(parsed.error.issues));
  dropPrototypes(parsed.data);
  return checkDocumentCitations(parsed.data, noticeText, options);
}
