/** Display names of the sites in core/settings.ts SITE_IDS (the adapter ids). */
import type { SITE_IDS } from '../../../core/settings';

export const SITE_LABELS: Readonly<Record<(typeof SITE_IDS)[number], string>> = {
  binance: 'Binance',
  bitget: 'Bitget',
  bybit: 'Bybit',
  gate: 'Gate',
  generic: '',
  htx: 'HTX',
  hyperliquid: 'Hyperliquid',
  jaspervault: 'JasperVault',
  mexc: 'MEXC',
  okx: 'OKX',
};
