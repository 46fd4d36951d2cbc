/** "1 term", "3 terms". */
export function termCount(n: number): string {
  return `${n} term${n === 1 ? '' : 's'}`;
}
