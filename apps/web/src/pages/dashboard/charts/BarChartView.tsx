import { useMemo } from 'react';
import type { BarRow } from '../chart-data';
import { EChart } from './EChart';

/** A horizontal bar per row, largest on top (long Chinese names fit on the left). */
export default function BarChartView({
  rows,
  height,
  label,
  color,
}: {
  rows: readonly BarRow[];
  height: number;
  label: string;
  color: string;
}) {
  const option = useMemo(() => {
    const ordered = [...rows].reverse();
    return {
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.name),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: '工单数',
          data: ordered.map((r) => r.total),
          itemStyle: { color },
          label: { show: true, position: 'right' },
          barMaxWidth: 22,
        },
      ],
    };
  }, [rows, color]);
  return <EChart option={option} height={height} label={label} />;
}
