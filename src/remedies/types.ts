import type { LocalizedText } from '../locales/types.js';
import type { ReportValue } from '../report/types.js';

/**
 * Whether what is still needed can be done under this notice:
 * - `possible`: the notice's own dates leave room (a cut-off not yet reached on the `asOf` day, a
 *   window of years not yet over), or the answer is simply missing;
 * - `impossible`: the notice fixes a date that rules it out (a title obtained after the cut-off, a
 *   deadline already past, years counted to a day already fixed);
 * - `unstated`: the notice does not say (hours for years already over, a document not yet in hand,
 *   anything whose timing the notice leaves open). We say so rather than choose.
 */
export type Remedy = 'possible' | 'impossible' | 'unstated';

/** What one comparison of a condition still needs; every kind carries its text in both languages. */
export type Need =
  /** A number below (or above) the notice's bar: hours, months, years, days, people. */
  | {
      readonly kind: 'amount';
      /** What is counted, in words (「2020—2024年公需科目学时」). */
      readonly what: LocalizedText;
      /** The profile paths that hold it (where a form shows this). */
      readonly reads: readonly string[];
      readonly operator: string;
      readonly have: number;
      readonly need: number;
      /**
       * How far off: for an "at least" bar, what is still to add (`need − have`); for an "at most" or
       * "less than" bar, how far over (`have − need`).
       */
      readonly short: number;
      /** For a window of years (continuing education): its first and last year. */
      readonly window?: { readonly from: number; readonly to: number };
      /** For years counted since an entry: the day the count reaches the bar (`null`: no such entry). */
      readonly metOn?: string | null;
      readonly remedy: Remedy;
      readonly text: LocalizedText;
    }
  /** A date on the wrong side of a cut-off or window bound. */
  | {
      readonly kind: 'date';
      readonly what: LocalizedText;
      readonly reads: readonly string[];
      readonly operator: string;
      /** The profile's date (`null`: there is none, e.g. no title at that level). */
      readonly have: string | null;
      /** The notice's date (or the profile's other date it is compared with). */
      readonly need: string;
      /** Days late (after a cut-off) or early (before a window opens); `null` when there is no date. */
      readonly days: number | null;
      /** Days from `asOf` to the notice's date (negative: already past); only with `asOf`. */
      readonly daysLeft?: number;
      readonly remedy: Remedy;
      readonly text: LocalizedText;
    }
  /** An answer the notice requires to be otherwise (a document still missing, a status). */
  | {
      readonly kind: 'value';
      readonly what: LocalizedText;
      readonly reads: readonly string[];
      readonly operator: string;
      readonly have: ReportValue;
      readonly need: ReportValue;
      readonly remedy: Remedy;
      readonly text: LocalizedText;
    }
  /** Answers still to give; with a date comparison and `asOf`, how long until that date. */
  | {
      readonly kind: 'answer';
      readonly paths: readonly string[];
      readonly deadline?: { readonly date: string; readonly daysLeft: number };
      readonly remedy: Remedy;
      readonly text: LocalizedText;
    }
  /** Any one of these sets of needs would do (the notice's alternatives), nearest first. */
  | { readonly kind: 'oneOf'; readonly options: readonly (readonly Need[])[]; readonly remedy: Remedy; readonly text: LocalizedText }
  /** Something only the evaluating body can settle, or that has no comparison to measure. */
  | { readonly kind: 'judgement'; readonly remedy: Remedy; readonly text: LocalizedText };

/** What a failed or undecided condition still needs, from the comparisons that decided it. */
export interface Shortfall {
  /** All of these (an alternative is one `oneOf` need). */
  readonly needs: readonly Need[];
  /** The worst of the needs' remedies: one that cannot be met makes the condition unmeetable. */
  readonly remedy: Remedy;
  readonly text: LocalizedText;
}
