// Letters that Unicode does not decompose into a base letter and a mark.
const FOLDS: Record<string, string> = { đ: "d", ð: "d", ø: "o", ł: "l", ß: "ss", æ: "ae", œ: "oe", ı: "i", þ: "th" };

/**
 * A person's name folded for search and sorting: lower case, without accents or tone
 * marks ("Đặng Thu" → "dang thu", "Émile" → "emile", "Ōsaka" → "osaka"), other scripts
 * kept as they are ("李霞", "สมชาย"). Computed here rather than by each engine's own lower() and
 * collation, which disagree outside ASCII, so search and order are the same on both.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    // Accents and tone marks go; the vowel signs of Thai, Lao, Khmer or Burmese stay.
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, "$1")
    .toLowerCase()
    .replace(/[đðøłßæœıþ]/g, (letter) => FOLDS[letter] ?? letter)
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC");
}
