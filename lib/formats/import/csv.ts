/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too); a field in double quotes may hold
 * commas, line breaks and `""` (one quote). Returns null for an unterminated quote or text after a closing quote.
 * A quote inside an unquoted field is kept literally, as spreadsheets write it.
 */
export function parseCsv(text: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  let quotedField = false;
  while (index < text.length) {
    const char = text[index];
    if (field === '' && !quotedField && char === '"') {
      const end = readQuoted(text, index + 1);
      if (end === null) return null;
      field = end.value;
      quotedField = true;
      index = end.next;
      const after = text[index];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') return null;
      continue;
    }
    if (char === ',') {
      record.push(field);
      [field, quotedField] = ['', false];
    } else if (char === '\n' || char === '\r') {
      record.push(field);
      records.push(record);
      [record, field, quotedField] = [[], '', false];
      if (char === '\r' && text[index + 1] === '\n') index++;
    } else {
      field += char;
    }
    index++;
  }
  if (field !== '' || quotedField || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The value of a quoted field starting after its opening quote, and the index after its closing quote. */
function readQuoted(text: string, start: number): { value: string; next: number } | null {
  let value = '';
  let index = start;
  for (;;) {
    const close = text.indexOf('"', index);
    if (close < 0) return null;
    value += text.slice(index, close);
    if (text[close + 1] === '"') {
      value += '"';
      index = close + 2;
    } else {
      return { value, next: close + 1 };
    }
  }
}
