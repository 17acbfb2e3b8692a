import { Loader } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A bar chart's data: categories along the axis, one series per name. */
export interface BarData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/**
 * A bar chart drawn by Apache ECharts, loaded on first use (its own chunk: no sign-in or register page pays for it).
 * A null value is a gap (a suppressed cell is never drawn as 0). The chart is decoration beside a table that shows the
 * same figures, so it is hidden from screen readers.
 */
export function BarChart({ data, stacked = false, testId }: { data: BarData; stacked?: boolean; testId?: string }) {
  const { i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const rtl = i18n.dir() === 'rtl';

  useEffect(() => {
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | undefined;
    const resize = () => chart?.resize();
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !element.current) return;
      const instance = echarts.init(element.current);
      instance.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, right: rtl ? undefined : 0, left: rtl ? 0 : undefined },
        grid: { left: 48, right: 16, top: 32, bottom: 32 },
        xAxis: { type: 'category', data: data.categories, inverse: rtl },
        yAxis: { type: 'value', position: rtl ? 'right' : 'left', minInterval: 1 },
        series: data.series.map((s) => ({
          name: s.name,
          type: 'bar',
          data: s.values,
          ...(stacked ? { stack: 'all' } : {}),
        })),
      });
      chart = instance;
      window.addEventListener('resize', resize);
      setReady(true);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [data, stacked, rtl]);

  return (
    <div aria-hidden="true" data-testid={testId} style={{ position: 'relative' }}>
      {!ready && <Loader size="sm" />}
      <div ref={element} style={{ width: '100%', height: 260 }} />
    </div>
  );
}
