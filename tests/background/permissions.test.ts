import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  hasAlertPermission,
  releaseAlertPermission,
  requestAlertPermission,
} from '../../entrypoints/background/permissions';

describe('requestAlertPermission', () => {
  it('asks for exactly the optional notifications permission', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestAlertPermission()).toBe(true);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });
  it('returns false when the user refuses', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    expect(await requestAlertPermission()).toBe(false);
  });
  it('returns false instead of throwing outside a user gesture', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(
      new Error('This function must be called during a user gesture'),
    );
    expect(await requestAlertPermission()).toBe(false);
  });
});

describe('hasAlertPermission', () => {
  it('reflects permissions.contains and is false on error', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await hasAlertPermission()).toBe(true);
    contains.mockRejectedValue(new Error('boom'));
    expect(await hasAlertPermission()).toBe(false);
  });
});

describe('releaseAlertPermission', () => {
  it('removes the notifications permission', async () => {
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    expect(await releaseAlertPermission()).toBe(true);
    expect(remove).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });
});
