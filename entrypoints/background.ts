import { defineBackground } from '#imports';
import { startBackground } from './background/listen';

// Alerts, the badge and the open-calculator relay. The background makes no network requests.
export default defineBackground(() => {
  startBackground();
});
