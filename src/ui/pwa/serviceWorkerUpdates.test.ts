import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from '../shell/UpdatePrompt';
import { createServiceWorkerUpdates, type IdleWindow, type PageControl, type RegisterOptions, type RegisterServiceWorker, whenLoadedAndIdle } from './serviceWorkerUpdates';

/** A register function that records its options and the calls to the update function it returns. */
function fakeRegister() {
  const calls: RegisterOptions[] = [];
  const update = vi.fn(async (_reloadPage?: boolean) => undefined);
  const register: RegisterServiceWorker = (options) => {
    calls.push(options);
    return update;
  };
  return { register, calls, update };
}

/** A page whose controller changes when the test says, counting reloads. */
function fakePage() {
  const listeners: (() => void)[] = [];
  const page: PageControl & { reloads: number } = {
    reloads: 0,
    onceControllerChanges: (listener) => listeners.push(listener),
    reload: () => {
      page.reloads += 1;
    },
  };
  const controllerChanges = () => {
    for (const listener of listeners.splice(0)) listener();
  };
  return { page, controllerChanges };
}

describe('service worker updates', () => {
  it('registers once, immediately (the caller waited for idle), and reports a waiting version to subscribers', () => {
    const updates = createServiceWorkerUpdates(fakePage().page);
    const fake = fakeRegister();
    const seen: string[] = [];
    updates.subscribe(() => seen.push(updates.getSnapshot()));
    updates.register(fake.register);
    updates.register(fake.register);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0].immediate).toBe(true);
    expect(updates.getSnapshot()).toBe('current');
    fake.calls[0].onNeedRefresh?.();
    expect(updates.getSnapshot()).toBe('update-waiting');
    expect(seen).toEqual(['update-waiting']);
  });

  it('applies the update through the function registerSW returned, and reloads once the new version controls the page', async () => {
    const { page, controllerChanges } = fakePage();
    const updates = createServiceWorkerUpdates(page);
    const fake = fakeRegister();
    updates.register(fake.register);
    fake.calls[0].onNeedRefresh?.();
    await updates.applyUpdate();
    expect(fake.update).toHaveBeenCalledExactlyOnceWith(true);
    expect(page.reloads, 'not before the new version has taken control').toBe(0);
    controllerChanges();
    expect(page.reloads).toBe(1);
    // registerSW's own reload is left to the store, so the page does not reload twice.
    fake.calls[0].onNeedReload?.();
    expect(page.reloads).toBe(1);
  });

  it('dismiss hides the notice without touching the service worker', async () => {
    const { page, controllerChanges } = fakePage();
    const updates = createServiceWorkerUpdates(page);
    const fake = fakeRegister();
    updates.register(fake.register);
    fake.calls[0].onNeedRefresh?.();
    updates.dismiss();
    expect(updates.getSnapshot()).toBe('current');
    controllerChanges();
    expect(fake.update).not.toHaveBeenCalled();
    expect(page.reloads).toBe(0);
  });

  it('says a failed registration on the console, and the notice stays hidden', () => {
    const updates = createServiceWorkerUpdates(fakePage().page);
    const fake = fakeRegister();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    updates.register(fake.register);
    fake.calls[0].onRegisterError?.(new Error('blocked'));
    expect(error).toHaveBeenCalledOnce();
    expect(updates.getSnapshot()).toBe('current');
    error.mockRestore();
  });
});

describe('UpdatePrompt', () => {
  it('shows nothing until a new version waits, then a non-modal notice with Reload', () => {
    const updates = createServiceWorkerUpdates(fakePage().page);
    const fake = fakeRegister();
    updates.register(fake.register);
    expect(renderToStaticMarkup(createElement(UpdatePrompt, { updates }))).toBe('');
    fake.calls[0].onNeedRefresh?.();
    const html = renderToStaticMarkup(createElement(UpdatePrompt, { updates }));
    expect(html).toContain('data-testid="update-prompt"');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('role="alert"');
    expect(html).toMatch(/A new version is ready — <\/span><button[^>]*data-testid="update-reload-button"[^>]*>Reload<\/button>/);
  });
});

/** A window whose load, idle callback and timers are run by the test. */
function fakeWindow(readyState: DocumentReadyState, idle: boolean) {
  const pending: { kind: string; run: () => void }[] = [];
  const win: IdleWindow = {
    document: { readyState },
    addEventListener: (_type, listener) => pending.push({ kind: 'load', run: listener }),
    setTimeout: (callback) => pending.push({ kind: 'timeout', run: callback }),
    ...(idle ? { requestIdleCallback: (callback: () => void) => pending.push({ kind: 'idle', run: callback }) } : {}),
  };
  return { win, pending };
}

describe('whenLoadedAndIdle', () => {
  it('waits for load, then for an idle moment, before running the task', () => {
    const { win, pending } = fakeWindow('loading', true);
    const task = vi.fn();
    whenLoadedAndIdle(task, win);
    expect(pending.map((p) => p.kind)).toEqual(['load']);
    pending[0].run();
    expect(task).not.toHaveBeenCalled();
    expect(pending.map((p) => p.kind)).toEqual(['load', 'idle']);
    pending[1].run();
    expect(task).toHaveBeenCalledOnce();
  });

  it('on a loaded page goes straight to idle; without requestIdleCallback, to the next task', () => {
    const loaded = fakeWindow('complete', true);
    whenLoadedAndIdle(vi.fn(), loaded.win);
    expect(loaded.pending.map((p) => p.kind)).toEqual(['idle']);
    const noIdle = fakeWindow('complete', false);
    whenLoadedAndIdle(vi.fn(), noIdle.win);
    expect(noIdle.pending.map((p) => p.kind)).toEqual(['timeout']);
  });
});
