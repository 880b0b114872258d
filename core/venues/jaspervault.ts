/**
 * JasperVault perpetuals (exchange-pages.md §9): the docs list the position fields (保证金, 杠杆倍数,
 * 强平价格) but no liquidation formula. The preset (maintenance at mark, no fee) is an assumption and
 * is reported as unconfirmed; no maintenance rate is known, so the rate must be entered.
 */
import type { Venue } from './types';

const SOURCE =
  'https://docs.jaspervault.io/zhong-wen-wen-dang/xin-shou-zhi-nan/kai-di-yi-bi-he-yue-cang-wei-perpetuals.md';

export const JASPERVAULT: Venue = {
  id: 'jaspervault',
  name: 'JasperVault',
  products: {
    linear: {
      maintenanceBasis: 'mark',
      closeFee: 'none',
      takerFeeRate: '0',
      confirmed: false,
      source: SOURCE,
    },
  },
  contractSizes: {},
  tierTables: [],
  source: SOURCE,
  takenOn: '2026-11-22',
  confirmed: false,
  notes:
    'BTC perpetuals only at present (docs 产品概览). Everything beyond the field list is unconfirmed.',
};
