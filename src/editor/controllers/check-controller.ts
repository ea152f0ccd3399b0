import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedProblem } from '../../validator/check-feed.js';
import type { FeedKind } from '../model/templates.js';

/**
 * The validator with the schemas it reads is the largest part of the editor and first needed once a draft is
 * open: it loads after the page, while the coordinator chooses what to open.
 */
const TYPING_PAUSE_MS = 300;

export const loadValidator = () => import('../../validator/check-feed.js');

/**
 * Checks the draft as the coordinator types, with the validator of `asskomm-widgets validate`: the same function
 * and the same messages. A newer draft's check replaces an older one's, whichever finishes first.
 */
export class CheckController implements ReactiveController {
  problems: readonly FeedProblem[] = [];
  /**
   * What a form asks beyond the validator (a news image needs its text alternative), added to the validator's
   * problems of the same text: shown, linked and blocking a download the same way.
   */
  formChecks: (text: string, kind: FeedKind) => FeedProblem[] = () => [];
  /** The text the problems are about; a check of another text is still running when it differs. */
  checkedText?: string;
  private run = 0;
  private pending?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  get errors(): FeedProblem[] {
    return this.problems.filter((problem) => problem.severity === 'error');
  }

  get warnings(): FeedProblem[] {
    return this.problems.filter((problem) => problem.severity === 'warning');
  }

  /**
   * Checks the text unless it was checked last; resolves when the check of this text is done. While the coordinator
   * types, the check waits for a pause of TYPING_PAUSE_MS, so that each keystroke reaches the preview first (the
   * validator reads the whole feed); `now` checks at once, as before a download.
   */
  check(text: string, kind: FeedKind, source: string, now = false): Promise<void> {
    if (text === this.checkedText && this.pending && !(now && this.timer)) return this.pending;
    this.checkedText = text;
    const run = ++this.run;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = new Promise<void>((resolve) => {
      const start = () => {
        this.timer = undefined;
        void loadValidator()
          .then(({ checkFeed }) => checkFeed(text, { source, widget: kind }))
          .then((report) => {
            if (run !== this.run) return;
            this.problems = [...report.problems, ...this.formChecks(text, kind)];
            this.host.requestUpdate();
          })
          .finally(resolve);
      };
      if (now || this.problems.length === 0 && this.run === 1) start();
      else this.timer = setTimeout(start, TYPING_PAUSE_MS);
    });
    return this.pending;
  }

  /** The check of the latest text, finished. */
  get done(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }
}
