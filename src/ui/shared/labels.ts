// Column names as people read them: "loan_int_rate" → "Loan int rate", "ApplicantIncome" → "Applicant income".

/** A column name in words: separators become spaces, camelCase splits, the first letter is capitalised. */
export function humanLabel(name: string): string {
  const words = name
    .replace(/[_\-.]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return words.length === 0 ? name : words[0].toUpperCase() + words.slice(1);
}
