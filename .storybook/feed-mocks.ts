/**
 * Stories show states a static Storybook cannot get from a server: a feed or endpoint that never answers (the
 * loading skeleton, a message being sent), a server error, and a contact endpoint that answers with a reference
 * after a moment. Only URLs under
 * /storybook-mock/ are answered here; every other request goes out unchanged.
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
    if (url.pathname.startsWith('/storybook-mock/fail')) {
      return Promise.resolve(new Response('Service Unavailable', { status: 503, headers: { 'Content-Type': 'text/plain' } }));
    }
    if (url.pathname.startsWith('/storybook-mock/contact')) {
      const reference = `KPR-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`;
      const answer = url.searchParams.has('open311') || init?.headers && JSON.stringify(init.headers).includes('x-www-form-urlencoded') ? [{ service_request_id: reference }] : { reference };
      return new Promise((resolve) => setTimeout(() => resolve(new Response(JSON.stringify(answer), { status: 201, headers: { 'Content-Type': 'application/json' } })), 600));
    }
    return realFetch(input, init);
  };
}
