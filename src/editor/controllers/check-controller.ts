import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkFeed, WHOLE_FEED, type FeedProblem } from '../../validator/check-feed.js';
import type { FeedKind } from '../model/templates.js';

/**
 * Checks the draft as the coordinator types, with the validator of `asskomm-widgets validate`: the same function
 * and the same messages. A newer draft's check replaces an older one's, whichever finishes first.
 */
export class CheckController implements ReactiveController {
  problems: readonly FeedProblem[] = [];
  /** The text the problems are about; a check of another text is still running when it differs. */
  checkedText?: string;
  private run = 0;
  private pending?: Promise<void>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get errors(): FeedProblem[] {
    return this.problems.filter((problem) => problem.severity === 'error');
  }

  get warnings(): FeedProblem[] {
    return this.problems.filter((problem) => problem.severity === 'warning');
  }

  /** Checks the text unless it was checked last; resolves when the check of this text is done. */
  check(text: string, kind: FeedKind, source: string): Promise<void> {
    if (text === this.checkedText && this.pending) return this.pending;
    this.checkedText = text;
    const run = ++this.run;
    this.pending = checkFeed(text, { source, widget: kind }).then((report) => {
      if (run !== this.run) return;
      this.problems = report.problems;
      this.host.requestUpdate();
    });
    return this.pending;
  }

  /** The check of the latest text, finished. */
  get done(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }
}

export { WHOLE_FEED };
