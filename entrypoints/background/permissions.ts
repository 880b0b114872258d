/**
 * The optional `notifications` permission (issue 5.1). It is not granted at install: the popup's
 * alerts toggle asks for it, and the background checks it before every notification.
 */
import { browser } from '#imports';

export const ALERT_PERMISSIONS = { permissions: ['notifications'] } as const;

function permissionsRequest() {
  return { permissions: [...ALERT_PERMISSIONS.permissions] };
}

/**
 * Ask the user for the notifications permission. Call it directly from a user gesture (the click
 * or change handler of the alerts toggle): browsers refuse `permissions.request` outside one.
 * @returns true when granted (now or before); false when refused or the browser cannot ask
 */
export async function requestAlertPermission(): Promise<boolean> {
  try {
    return await browser.permissions.request(permissionsRequest());
  } catch {
    // No user gesture, or the API is missing (e.g. a test page): treated as not granted.
    return false;
  }
}

/** @returns whether notifications may be shown now; false on any error */
export async function hasAlertPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains(permissionsRequest());
  } catch {
    return false;
  }
}

/** Give the permission back (the user turned alerts off). @returns true when removed */
export async function releaseAlertPermission(): Promise<boolean> {
  try {
    return await browser.permissions.remove(permissionsRequest());
  } catch {
    return false;
  }
}
