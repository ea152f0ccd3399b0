import { expect } from '@open-wc/testing';
import { loadOnce } from '../../src/core/load-once.js';

describe('loadOnce', () => {
  it('asks for a module once and hands every later caller the same promise', async () => {
    let loads = 0;
    const load = loadOnce(async () => ({ module: ++loads }));
    const first = load();
    expect(load()).to.equal(first);
    expect(await load()).to.deep.equal({ module: 1 });
    expect(loads).to.equal(1);
  });

  it('forgets a failed load (a dropped connection), so the next call asks again', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      if (++loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'loaded';
    });
    let failure: unknown;
    await load().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect(await load()).to.equal('loaded');
    expect(loads).to.equal(2);
  });
});
