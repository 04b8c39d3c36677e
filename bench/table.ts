/** The result rows and the one markdown table they become, with budget verdicts and peer ratios. */

/** 'time' and 'rate' are better when lower (ratio = peer / ours); 'size' is compared as ours / peer. */
export type Kind = 'time' | 'rate' | 'size';

export interface Row {
  metric: string;
  kind: Kind;
  /** The measured value in `unit` (median, or the stated statistic). */
  value: number;
  unit: 'ms' | 'ms/s' | 'KB';
  /** How the value was obtained, e.g. "31 (+5 warm-up)". */
  runs: string;
  /** Upper bound in `unit`; absent for rows that only inform. */
  budget?: number;
  /** Peer extension's value in `unit`. */
  peer?: number;
  /** What is compared with the peer, when not `value` (e.g. JS + CSS while the budget is on JS). */
  ratioValue?: number;
  /** Replaces the value cell (e.g. a breakdown); the value is still what the verdict uses. */
  valueText?: string;
  /** Replaces the budget cell text. */
  budgetText?: string;
  /** A failure the budget alone does not express (e.g. "jsQR in popup"): makes the row fail. */
  failure?: string;
  /** The measurement itself failed (the row then fails too). */
  error?: string;
}

function formatNumber(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatValue(value: number, unit: Row['unit']): string {
  if (!Number.isFinite(value)) return 'error';
  return `${formatNumber(value)} ${unit}`;
}

function ratioText(row: Row): string | null {
  if (row.peer === undefined || !Number.isFinite(row.value)) return null;
  const ours = row.ratioValue ?? row.value;
  if (row.kind === 'size') return `${(ours / row.peer).toFixed(2)}× the size`;
  const ratio = row.peer / ours;
  const word = row.kind === 'time' ? 'faster' : 'less busy';
  const worse = row.kind === 'time' ? 'slower' : 'busier';
  return ratio >= 1 ? `${ratio.toFixed(1)}× ${word}` : `${(1 / ratio).toFixed(1)}× ${worse}`;
}

export function passes(row: Row): boolean {
  return (
    !row.failure &&
    !row.error &&
    Number.isFinite(row.value) &&
    (row.budget === undefined || row.value <= row.budget)
  );
}

function verdictText(row: Row): string {
  const verdict = row.error
    ? `FAILED (${row.error})`
    : row.failure
      ? `OVER budget (${row.failure})`
      : row.budget === undefined
        ? 'no budget (info)'
        : row.value <= row.budget
          ? 'within budget'
          : 'OVER budget';
  const ratio = ratioText(row);
  return ratio ? `${verdict} · ${ratio}` : verdict;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(rows: readonly Row[]): string {
  const header = ['metric', 'median', 'runs', 'budget', 'baseline (peer)', 'ratio/verdict'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const cells = [
      row.metric,
      row.valueText ?? formatValue(row.value, row.unit),
      row.runs,
      row.budgetText ?? (row.budget === undefined ? '—' : `≤ ${formatValue(row.budget, row.unit)}`),
      row.peer === undefined ? '—' : formatValue(row.peer, row.unit),
      verdictText(row),
    ];
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
  }
  return lines.join('\n');
}
