/**
 * Stories show states a static Storybook cannot get from a server: a feed that never answers (the loading
 * skeleton). Only URLs under /storybook-mock/ are answered here; every other request goes out unchanged.
 */
export function installFeedMocks(): void {
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname.startsWith('/storybook-mock/hang')) {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    }
    return realFetch(input, init);
  };
}
