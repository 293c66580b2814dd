/** Limits on the lengths of free text, in characters (code points). */
export const TEXT_LIMITS = {
  callerName: 50,
  content: 2000,
  answer: 2000,
  overrideReason: 500,
  feedbackResult: 2000,
  note: 1000,
  /** Raw input, before normalisation. */
  phone: 40,
  caseNumber: 64,
  id: 64,
} as const;
