/**
 * The price ladder: liquidation, bankruptcy, entry and mark on one axis, with the zone on the safe
 * side of the liquidation price coloured by the danger and warning thresholds (where a mark there
 * would be in danger / warning). Every marker also carries its name and price as text.
 */
import type { Settings } from '../core/settings';
import { formatDecimal, priceFractionDigits } from './format-number';
import { t, type Lang } from './i18n/popup-t';
import { ladderScale, markAtBuffer } from './ladder-geometry';

export interface PriceLadderProps {
  readonly side: 'long' | 'short';
  readonly liquidationPrice: string;
  readonly bankruptcyPrice: string | null;
  readonly entryPrice: string;
  readonly markPrice?: string;
  readonly warningPercent: string;
  readonly dangerPercent: string;
  readonly lang: Lang;
  readonly style: Settings['numberFormat'];
}

const WIDTH = 360;
const LEFT = 12;
const RIGHT = WIDTH - 12;
const AXIS_Y = 62;

interface Marker {
  readonly key: 'liquidation' | 'bankruptcy' | 'entry' | 'mark';
  readonly price: string;
  readonly labelY: number;
  readonly tickFrom: number;
  readonly tickTo: number;
}

/** Keep a label's anchor inside the picture. */
function clampLabelX(x: number): { x: number; anchor: 'start' | 'middle' | 'end' } {
  if (x < 70) return { x: LEFT, anchor: 'start' };
  if (x > WIDTH - 70) return { x: RIGHT, anchor: 'end' };
  return { x, anchor: 'middle' };
}

export function PriceLadder(props: PriceLadderProps) {
  const digits = priceFractionDigits(props.liquidationPrice);
  const markers: Marker[] = [
    { key: 'liquidation', price: props.liquidationPrice, labelY: 14, tickFrom: 18, tickTo: AXIS_Y },
    { key: 'entry', price: props.entryPrice, labelY: 36, tickFrom: 40, tickTo: AXIS_Y },
  ];
  if (props.markPrice !== undefined) {
    markers.push({ key: 'mark', price: props.markPrice, labelY: 92, tickFrom: AXIS_Y, tickTo: 82 });
  }
  if (props.bankruptcyPrice !== null) {
    markers.push({
      key: 'bankruptcy',
      price: props.bankruptcyPrice,
      labelY: 114,
      tickFrom: AXIS_Y,
      tickTo: 104,
    });
  }
  const dangerEdge = markAtBuffer(props.liquidationPrice, props.dangerPercent, props.side);
  const warningEdge = markAtBuffer(props.liquidationPrice, props.warningPercent, props.side);
  const scale = ladderScale(
    [...markers.map((marker) => marker.price), ...(dangerEdge === null ? [] : [dangerEdge])],
    LEFT,
    RIGHT,
  );
  const liqX = scale.x(props.liquidationPrice);
  // The safe side of the liquidation price: above it for a long, below it for a short.
  const safeEnd = props.side === 'long' ? RIGHT : LEFT;
  const zone = (fromX: number, toX: number, className: string) => {
    const x = Math.max(Math.min(fromX, toX), LEFT);
    const width = Math.min(Math.max(fromX, toX), RIGHT) - x;
    return width > 0 ? (
      <rect class={className} x={x} y={AXIS_Y - 6} width={width} height={12} rx={2} />
    ) : null;
  };
  const dangerX = dangerEdge === null ? safeEnd : scale.x(dangerEdge);
  const warningX = warningEdge === null ? safeEnd : scale.x(warningEdge);
  const lossSideEnd = props.side === 'long' ? LEFT : RIGHT;

  const title = t(props.lang, 'ladder.title');
  return (
    <figure class="ladder" data-testid="calc-ladder">
      <svg
        viewBox={`0 0 ${WIDTH} 124`}
        width="100%"
        role="img"
        aria-label={title}
        class="ladder-svg"
      >
        <line class="ladder-axis" x1={LEFT} x2={RIGHT} y1={AXIS_Y} y2={AXIS_Y} />
        {zone(lossSideEnd, liqX, 'ladder-zone-breached')}
        {zone(liqX, dangerX, 'ladder-zone-danger')}
        {zone(dangerX, warningX, 'ladder-zone-warning')}
        {zone(warningX, safeEnd, 'ladder-zone-safe')}
        {markers.map((marker) => {
          const x = scale.x(marker.price);
          const label = clampLabelX(x);
          return (
            <g
              key={marker.key}
              class={`ladder-marker ladder-${marker.key}`}
              data-value={marker.price}
            >
              <line x1={x} x2={x} y1={marker.tickFrom} y2={marker.tickTo} />
              <circle cx={x} cy={AXIS_Y} r={3.5} />
              <text x={label.x} y={marker.labelY} text-anchor={label.anchor}>
                {`${t(props.lang, `ladder.${marker.key}`)} ${formatDecimal(marker.price, {
                  lang: props.lang,
                  style: props.style,
                  maxFractionDigits: digits,
                })}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="ladder-legend">
        <span class="legend-item legend-danger">
          {t(props.lang, 'ladder.legend.danger', { percent: props.dangerPercent })}
        </span>
        <span class="legend-item legend-warning">
          {t(props.lang, 'ladder.legend.warning', { percent: props.warningPercent })}
        </span>
        <span class="legend-item legend-safe">{t(props.lang, 'ladder.legend.safe')}</span>
      </figcaption>
    </figure>
  );
}
