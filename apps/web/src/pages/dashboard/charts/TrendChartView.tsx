import { useMemo } from 'react';
import type { TrendPoint } from '../chart-data';
import { EChart } from './EChart';

/** The on-time feedback rate per week as a line in percent; weeks without data leave a gap. */
export default function TrendChartView({
  points,
  height,
  label,
}: {
  points: readonly TrendPoint[];
  height: number;
  label: string;
}) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (v == null ? '无数据' : `${v}%`),
      },
      xAxis: { type: 'category', data: points.map((p) => `${p.label}周`) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: '按时反馈率',
          data: points.map((p) => (p.rate === null ? null : Math.round(p.rate * 100))),
          connectNulls: false,
          symbolSize: 8,
          itemStyle: { color: '#8b1a1a' },
          label: { show: true, formatter: '{c}%' },
        },
      ],
    }),
    [points],
  );
  return <EChart option={option} height={height} label={label} />;
}
