/** Comments on incidents and alerts (seed 003; SPEC.md §3.4): what one may hold. */
import { LIMITS } from './limits';

/** What is wrong with a comment's text. */
export type CommentProblem = { kind: 'empty' } | { kind: 'tooLong'; length: number; limit: number };

/**
 * The rule, once: a comment has some text, and at most 30,000 characters. The comment box and
 * the server both check it; each words the problem for its reader.
 */
export function checkComment(text: string): CommentProblem | undefined {
  if (text.trim() === '') return { kind: 'empty' };
  const limit = LIMITS.maxCommentLength;
  return text.length > limit ? { kind: 'tooLong', length: text.length, limit } : undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Why a comment can't be posted as it is, worded for the analyst typing it, or `undefined`. */
export function commentProblem(text: string): string | undefined {
  const problem = checkComment(text);
  if (!problem) return undefined;
  if (problem.kind === 'empty') return 'Write a comment before posting.';
  const over = problem.length - problem.limit;
  return `The comment is ${count(problem.length)} characters long; the limit is ${count(problem.limit)}. Remove ${count(over)} character${over === 1 ? '' : 's'}.`;
}
