/** The page-level facts scoring asks about, each worked out once per page (or shadow root). */
import type { Measure } from './code-target';
import { isShown, type VisibilityCache } from './is-shown';
import { isVerifyPage } from './page-context';
import type { PageFacts } from './score';

const ANY_SIZE = { width: 1, height: 1 };

export interface PageInputs {
  /** Every input found, of any type. */
  all: readonly HTMLInputElement[];
  /** Those a code could be typed into now. */
  editable: readonly HTMLInputElement[];
  measure: Measure;
  focused: Element | null;
  visibility?: VisibilityCache;
}

export function pageFacts({ all, editable, measure, focused, visibility }: PageInputs): PageFacts {
  const shown = (i: HTMLInputElement) => isShown(i, measure, ANY_SIZE, visibility);
  const passwordShown = all.some((i) => i.type === 'password' && shown(i));
  const shownEditable = editable.filter(shown);
  const verify = new Map<Node, boolean>();
  return {
    isVerifyPage(input) {
      const root = input.getRootNode();
      let answer = verify.get(root);
      if (answer === undefined) verify.set(root, (answer = isVerifyPage(input)));
      return answer;
    },
    isFocused: (input) => input === focused,
    isSoleField: (input) => shownEditable.length === 1 && shownEditable[0] === input,
    mayTrustAmbiguous: (input) => input === focused || !passwordShown,
  };
}
