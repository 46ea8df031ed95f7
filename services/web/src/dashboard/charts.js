// What the dashboard's charts draw, as ECharts options built from stats-service's answers.

const hasRate = r => r.rates.completionRate !== null && r.rates.completionRate !== undefined;
const asPercent = rate => +(rate * 100).toFixed(1);
const LABELS_INSIDE = {outerBoundsMode: 'same', outerBoundsContain: 'axisLabel'};

/** 办结率 of each area of the table; areas below the minimum sample greyed (shown, not ranked). */
export function completionBars(table) {
  const rows = table.rows.filter(hasRate);
  return {
    // Long street names, turned, stay inside the card: the grid's bounds hold the axis labels too (what
    // ECharts 5 called containLabel).
    grid: {left: 10, right: 20, top: 20, bottom: 10, ...LABELS_INSIDE},
    tooltip: {trigger: 'axis', valueFormatter: v => `${v}%`},
    xAxis: {type: 'category', data: rows.map(r => r.areaName || r.areaCode), axisLabel: {rotate: 30}},
    yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
    series: [{
      name: '办结率', type: 'bar',
      data: rows.map(r => ({value: asPercent(r.rates.completionRate),
        itemStyle: {color: r.belowMinimumSample ? '#b8c4ce' : '#2f7ed8'}})),
      label: {show: rows.length <= 12, position: 'top', formatter: '{c}%'},
    }],
  };
}

/** Twelve months of one area: reported and closed as bars, 办结率 as a line. */
export function monthlyTrend(trend) {
  return {
    grid: {left: 10, right: 10, top: 40, bottom: 10, ...LABELS_INSIDE},
    tooltip: {trigger: 'axis'},
    legend: {data: ['上报', '办结', '办结率'], top: 0},
    xAxis: {type: 'category', data: trend.months},
    yAxis: [{type: 'value', name: '件'}, {type: 'value', name: '办结率', min: 0, max: 100,
      axisLabel: {formatter: '{value}%'}}],
    series: [
      {name: '上报', type: 'bar', data: trend.figures.map(f => f.counts.reported)},
      {name: '办结', type: 'bar', data: trend.figures.map(f => f.counts.closed)},
      {name: '办结率', type: 'line', yAxisIndex: 1, connectNulls: false, showSymbol: true, symbolSize: 7,
        data: trend.figures.map(f => (hasRate(f) ? asPercent(f.rates.completionRate) : null))},
    ],
  };
}

/** How an area's reports split by category and by source: two rings. */
export function categoryAndSource(split) {
  const slices = list => list.filter(x => x.reported > 0).map(x => ({name: x.name, value: x.reported}));
  const ring = (name, centre, data) => ({name, type: 'pie', radius: ['30%', '55%'], center: [centre, '55%'], data,
    label: {formatter: '{b}\n{c}'}});
  return {
    tooltip: {trigger: 'item', formatter: '{b}：{c} 件（{d}%）'},
    title: [{text: '类别', left: '25%', top: 0, textAlign: 'center', textStyle: {fontSize: 13}},
      {text: '来源', left: '75%', top: 0, textAlign: 'center', textStyle: {fontSize: 13}}],
    series: [ring('类别', '25%', slices(split.categories)), ring('来源', '75%', slices(split.sources))],
  };
}
