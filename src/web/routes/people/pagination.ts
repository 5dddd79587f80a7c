// The GOV.UK pagination component's model: previous and next, the first and last pages, the
// pages either side of this one, and an ellipsis for each gap.
export interface PaginationModel {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
}

export function pagination(
  current: number,
  pages: number,
  href: (page: number) => string,
): PaginationModel | undefined {
  if (pages <= 1) return undefined;
  const shown = [...new Set([1, current - 1, current, current + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items: PaginationModel['items'] = [];
  let last = 0;
  for (const n of shown) {
    if (n - last > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === current });
    last = n;
  }
  return {
    ...(current > 1 && { previous: { href: href(current - 1) } }),
    ...(current < pages && { next: { href: href(current + 1) } }),
    items,
  };
}
