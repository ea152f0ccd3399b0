import type { ReactiveControllerHost } from 'lit';

/**
 * Holds a widget's first render until it comes within a viewport's height of the screen, or renders it at once when
 * it has `eager` (read when it joins the page). Until then the page shows the webmaster's fallback content through a
 * slot, and the widget costs the page's start-up nothing: neither its texts, nor its template, nor its feed. A widget
 * holding the keyboard focus in that fallback waits until the focus leaves, so the focus is not lost with it.
 */
export function renderWhenNear(host: ReactiveControllerHost & HTMLElement & { eager?: boolean; hasUpdated: boolean; renderRoot: ParentNode }): void {
  const element = host as unknown as { scheduleUpdate(): unknown };
  const schedule = element.scheduleUpdate;
  element.scheduleUpdate = async () => {
    if (!host.hasUpdated && !host.eager && typeof IntersectionObserver == 'function') {
      const fallback = host.renderRoot.appendChild(document.createElement('slot'));
      await new Promise<void>((resolve) => {
        const observer = new IntersectionObserver((entries) => {
          if (!entries.at(-1)!.isIntersecting) return;
          if (!host.matches(':focus-within')) return resolve(observer.disconnect());
          host.addEventListener('focusout', () => (observer.unobserve(host), observer.observe(host)), { once: true });
        }, { rootMargin: '100%' });
        observer.observe(host);
      });
      // Widgets that come near together each render in a task of their own, not in one long one.
      await new Promise((resolve) => setTimeout(resolve));
      fallback.remove();
    }
    return schedule.call(host);
  };
}
