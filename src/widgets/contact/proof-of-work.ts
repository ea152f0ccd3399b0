import { send } from '../../core/send.js';

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
}

/**
 * Invisible proof of work with ALTCHA (protocol v1), instead of a CAPTCHA service: the endpoint issues a
 * challenge, the resident's browser spends a moment of computing on it, and the endpoint checks the answer.
 * Solving starts when the resident starts on the form, so it is usually done before they press "send"; the
 * solver (altcha-lib) is loaded only then. Each challenge is good for one message.
 */
export class ProofOfWork {
  private solution?: Promise<string>;

  constructor(private readonly url: string, private readonly timeoutMs: number) {}

  /** Starts getting and solving a challenge, once. */
  start(): void {
    this.solution ??= this.solve();
    this.solution.catch(() => (this.solution = undefined)); // a failed attempt is tried again on the next take()
  }

  /** The `altcha` payload for one message; the next message gets a new challenge. */
  async take(): Promise<string> {
    this.start();
    const solution = this.solution!;
    this.solution = undefined;
    return solution;
  }

  private async solve(): Promise<string> {
    const { status, json } = await send(this.url, { method: 'GET', timeoutMs: this.timeoutMs });
    const challenge = json as Challenge | undefined;
    if (status !== 200 || !challenge?.challenge || !challenge.salt) throw new Error(`${this.url} gave no ALTCHA challenge (HTTP ${status})`);
    const { solveChallenge } = await import('altcha-lib/v1');
    const solved = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    if (!solved) throw new Error(`the ALTCHA challenge of ${this.url} has no solution within its range`);
    const { algorithm, salt, signature } = challenge;
    return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number: solved.number, salt, signature, took: solved.took }));
  }
}
