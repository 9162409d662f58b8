import type { RecipientResult, Row, Todo } from './campaignTypes';
import type { Outcome } from './journal';

/** The fields of a failed result, from the recorded outcome. */
export function failureFields(outcome: Extract<Outcome, { status: 'failed' }>) {
  return {
    ...(outcome.code ? { code: outcome.code } : {}),
    sub_code: outcome.sub_code ?? outcome.error,
    message: outcome.message,
  };
}

/** The row of a recipient to send, without what only the send loop needs. */
export function rowOf(item: Todo): Row {
  const { resent: _, notBefore: __, ...row } = item;
  return row;
}

/** Sorts results by line, in place (the results file lists recipients in file order). */
export function sortByLine(results: RecipientResult[]): RecipientResult[] {
  return results.sort((a, b) => a.line - b.line);
}
