import { codeGroups } from '@/lib/otp/display-text';

/** A code as text (`123456`), its groups spaced by CSS so it reads `123 456`. */
export function CodeText({ code }: { code: string }) {
  const [first, second] = codeGroups(code);
  return (
    <span class="code-digits">
      <span>{first}</span>
      {second === undefined ? null : <span>{second}</span>}
    </span>
  );
}
