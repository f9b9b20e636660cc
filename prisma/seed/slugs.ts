/** "Women's Health & Embolization" -> "womens-health-and-embolization". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so the slug stays readable.
  const cut = slug.slice(0, maxLength + 1);
  const words = cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : maxLength);
  return words.replace(/(-(a|an|and|for|in|of|on|or|the|to|with))+$/, "");
}

/** Hands out slugs unique within one scope: the second "abstract-session" becomes "abstract-session-2". */
export function createSlugger() {
  const taken = new Set<string>();
  return (text: string): string => {
    const base = slugify(text);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  };
}
