/** One printed line: a figure, its value, its bound, and whether the value keeps the bound (undefined: reported only). */
export interface Row {
  figure: string;
  value: string;
  bound: string;
  pass?: boolean;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The mean of the middle half: the lowest and the highest quarter of `values` left out. */
export const trimmedMean = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const quarter = Math.floor(sorted.length / 4);
  const middle = sorted.slice(quarter, sorted.length - quarter);
  return middle.reduce((sum, value) => sum + value, 0) / middle.length;
};

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;

/** The rows as an aligned table: `figure  value  bound  PASS/FAIL`. */
export function table(rows: readonly Row[]): string {
  const status = (row: Row) => (row.pass === undefined ? 'info' : row.pass ? 'PASS' : 'FAIL');
  const cells = [['figure', 'value', 'bound', 'result'], ...rows.map((row) => [row.figure, row.value, row.bound, status(row)])];
  const widths = [0, 1, 2].map((column) => Math.max(...cells.map((cell) => cell[column].length)));
  return cells.map((cell) => cell.map((text, column) => (column < 3 ? text.padEnd(widths[column]) : text)).join('  ')).join('\n');
}
