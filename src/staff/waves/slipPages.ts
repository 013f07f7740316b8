/** Ten slips a sheet: two columns of five, each about 95 × 55 mm, cut along the dashed lines. */
export const SLIPS_PER_PAGE = 10;

/** The codes split into printed pages of SLIPS_PER_PAGE. */
export function slipPages<T>(codes: readonly T[], perPage = SLIPS_PER_PAGE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < codes.length; i += perPage) pages.push(codes.slice(i, i + perPage));
  return pages;
}

/** The link a slip prints and encodes: the app's origin and /i/CODE. */
export function invitationLink(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path}`;
}
