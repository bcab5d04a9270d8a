// Fills the dashboard's chart divs from the JSON island the server rendered (labels already translated).
(function () {
  'use strict';
  var island = document.getElementById('chart-data');
  if (!island || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(island.textContent);
  var formColours = ['#3370ff', '#f5a623', '#e8590c', '#c92a2a'];
  var charts = [];

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var c = echarts.init(el, null, { renderer: 'svg' });
    c.setOption(option);
    charts.push(c);
  }

  function horizontalBars(id, bars, colour) {
    chart(id, {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.names, axisLabel: { width: 180, overflow: 'truncate' } },
      series: [{ type: 'bar', name: data.countName, data: bars.values, itemStyle: { color: colour } }]
    });
  }

  chart('chart-by-form', {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    color: formColours,
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '44%'], data: data.byForm, label: { formatter: '{c}' } }]
  });
  chart('chart-by-domain', {
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.byDomain.map(function (d) { return d.name; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: data.countName, data: data.byDomain.map(function (d) { return d.value; }), itemStyle: { color: '#8b1a1a' } }]
  });
  chart('chart-trend', {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.trend.weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: data.trend.raisedName, data: data.trend.raised, itemStyle: { color: '#c92a2a' }, smooth: true },
      { type: 'line', name: data.trend.decidedName, data: data.trend.decided, itemStyle: { color: '#2b8a3e' }, smooth: true }
    ]
  });
  horizontalBars('chart-top-rules', data.topRules, '#e8590c');
  horizontalBars('chart-top-orgs', data.topOrgs, '#3370ff');

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
