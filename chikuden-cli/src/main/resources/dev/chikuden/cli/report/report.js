/*
 * The plan's report: draws the figures of the JSON block with ECharts, in English or Japanese.
 * window.reportReady turns true once every chart has drawn, and window.reportReadyMs says when
 * (milliseconds since the navigation started); window.report gives tests the charts and the
 * language switch. With #png the page puts every chart's image into itself (see PngExport).
 */
(function () {
  'use strict';

  const F = JSON.parse(document.getElementById('figures').textContent);
  const P = F.plan;
  /** Grid-code rules judge an AI campus, a grid battery and any site naming its own; a home, shop or factory none. */
  const JUDGED = ['ai-campus', 'grid-battery'].includes(P.siteClass) || F.verdict.rules > 0;
  const UNIT = F.unit;
  const UNIT_KW = F.unitKw;
  const EXPORTING = location.hash === '#png';

  const COLOR = {
    load: '#6b7280',
    gridWithout: '#93c5fd',
    grid: '#2563eb',
    battery: '#f97316',
    soc: '#16a34a',
    limit: '#dc2626',
    contract: '#111827',
    bill: ['#1e3a8a', '#2563eb', '#60a5fa', '#0d9488', '#a855f7', '#f59e0b', '#ef4444', '#64748b', '#84cc16', '#ec4899']
  };

  const LABELS = {
    en: {
      kicker: 'Battery storage study',
      study: '{duration} from {start} at {step} steps · strategy: {strategy}',
      saving: 'Saving per year',
      savingNote: 'Bill without battery minus with, first study year.',
      savingScaled: 'Extended to a year, month by month, from the {days} days studied ({yen} in them).',
      savingFrom: '(from {from})',
      contract: 'Contract, without → with battery',
      billSaving: 'Bill saving (without minus with)',
      marketRevenue: 'Market revenue',
      productRow: '{product}: {sold} ΔkW·h sold at the gates, {share} % honoured',
      activationOnBill: 'Activation energy on the bill (the TSO pays it above)',
      capacityPayment: 'Capacity payment ({kw} contracted; duty windows {hours} h, {short} h short)',
      longTermPayment: 'Long-term auction ({kw}, less the revenue it returns)',
      revenueTitle: 'Revenue by market and month',
      total: 'Total',
      revenueHead: ['Month', 'Energy (bill saving)', 'Balancing', 'Activation on the bill', 'Capacity', 'Total'],
      ratchetTitle: 'The 12-month ratchet',
      ratchetDesc: 'Below 500 kW each month\'s contract is the largest 30-minute demand of the month and the 11 before (実量制). In the first year the case with battery still carries the months before it from the case without; in the later years they are its own.',
      ratchetHead: ['Month', 'Peak without', 'Peak with', 'Contract without', 'Contract with', 'Contract with, later years', 'Basic charge saving', 'Later years'],
      batteryWear: 'Battery wear',
      netSaving: 'Net saving (bill saving + market revenue - wear)',
      pvUse: 'PV self-consumption / self-sufficiency (without → with battery)',
      savingSplit: 'Bill saving by counterfactuals',
      selfConsumptionYen: 'self-consumption gain (storing only PV surplus)',
      lostExportYen: 'lost export revenue',
      touShiftYen: 'time-of-use shift (the strategy beyond storing PV)',
      outageCover: 'Outage hours covered',
      outageHours: '{hours} h on average; 6 h ridden through from {six} of start times, 24 h from {day}',
      savingNone: 'Add a tariff to the site file for the saving',
      payback: 'Payback',
      paybackValue: '{years} years',
      paybackNever: 'Not within {years} years',
      paybackNote: 'NPV {npv} over {years} years at {rate} %; capex {capex}.',
      paybackNone: 'Add a finance section for payback',
      paybackNoSaving: 'Needs a saving: add a tariff',
      gridCode: 'Grid code',
      gridCodePass: 'Pass ({rules} of {rules})',
      gridCodeFail: 'Fails {failed} of {rules}',
      gridCodeNote: 'Without the battery: {verdict}.',
      gridCodeNoBattery: 'The site has no battery.',
      gridCodeNone: 'No rule judged',
      gridCodeNoneNote: 'The shipped rules are for a large load; a site without load is judged by its connection\'s rules (gridCode.rules).',
      gridCodeNoneFile: 'The rule file sets no limit.',
      passesAll: 'passes every rule',
      failsSome: 'fails {failed} of {rules} rules',
      life: 'Years to end of life',
      lifeYear: 'Year {year}',
      lifeNotReached: 'Not reached',
      lifeNote: 'SOH {soh} % after {span}; end of life at {eol} %.',
      lifeNone: 'No aging model in the site file',
      kpiPeak: 'Peak 30-min demand',
      kpiRamp: 'Largest ramp (1 s)',
      kpiEnergy: 'Energy imported',
      kpiBattery: 'Battery throughput',
      kpiCycles: '{cycles} equivalent full cycles',
      powerTitle: 'Power over the study period',
      powerDesc: 'Band: lowest to highest value in each {bucket}; line: its mean. Drag the slider or scroll to zoom.',
      powerFull: 'Every step of {bucket}. Drag the slider or scroll to zoom.',
      worstDayTitle: 'The day of the peak demand: {date}',
      worstDayDesc: 'The local day with the largest 30-minute demand without the battery ({peak}), {resolution}.',
      worstDayFull: 'at every {step} step',
      worstDayBuckets: 'in 1-second bands (lowest to highest) and means',
      load: 'Load',
      gridWithout: 'Grid without battery',
      grid: 'Grid with battery',
      gridOnly: 'Grid',
      battery: 'Battery (+ discharge)',
      soc: 'SOC',
      powerAxis: 'Power ({unit})',
      socAxis: 'SOC (%)',
      contract: 'Contract',
      contractWith: 'Contract with battery',
      demandTitle: '30-minute demand',
      demandDesc: 'Mean import of each half hour of the local clock, as the demand meter counts it.',
      monthlyPeaks: 'Monthly peak demand',
      durationCurve: 'Demand duration curve',
      withoutBattery: 'Without battery',
      withBattery: 'With battery',
      demandAxis: 'Demand ({unit})',
      shareOfSlots: 'Share of half hours (%)',
      gridCodeTitle: 'Grid code',
      defaultRules: 'the default rules',
      gridCodeDesc: 'Rules: {source}. The ramp is the change of grid power over {window}; the spectrum is Welch\'s, the critical band {low}–{high} Hz shaded.',
      rampHistogram: 'Ramp-rate histogram',
      rampAxis: 'Ramp ({unit}/s)',
      shareOfTime: 'Share of time (%)',
      limit: 'Limit',
      spectrum: 'Spectrum',
      frequencyAxis: 'Frequency (Hz)',
      spectrumAxis: 'Power per bin ({unit}²)',
      criticalBand: 'Critical band',
      noSpectrum: 'The study is too short for a spectrum.',
      events: 'events',
      rule: 'Rule',
      ruleLimit: 'Limit',
      rules: {
        maxRampUpMwPerS: 'Ramp up per second',
        maxRampDownMwPerS: 'Ramp down per second',
        maxRampMwPerMin: 'Ramp per minute',
        dynamicRangeMw: 'Dynamic range',
        bandEnergyShare: 'Oscillation share in the band',
        loadDropEvents: 'Sudden load drops',
        maxDemand30minMw: '30-minute demand'
      },
      pass: 'pass',
      fail: 'FAIL',
      billTitle: 'Monthly bill by line item',
      billDesc: '{tariff}. Each month without and with the battery.',
      billAxis: 'Million yen',
      billItems: {
        basicChargeYen: 'Basic charge',
        excessDemandChargeYen: 'Excess demand charge',
        energyChargeMarketYen: 'Energy charge (market-linked)',
        energyChargeSummerYen: 'Energy charge, summer',
        energyChargeOtherYen: 'Energy charge, other seasons',
        energyChargeHeavyLoadYen: 'Energy charge, heavy load',
        energyChargeDayYen: 'Energy charge, day',
        energyChargeNightYen: 'Energy charge, night',
        fuelCostAdjustmentYen: 'Fuel-cost adjustment',
        marketPriceAdjustmentYen: 'Market-price adjustment',
        renewableLevyYen: 'Renewable levy',
        subsidyYen: 'Subsidy',
        consumptionTaxYen: 'Consumption tax',
        exportSaleYen: 'Export sale'
      },
      sohTitle: 'State of health (SOH) over the years',
      sohDesc: 'Aging model {model}; end of life at {eol} % of the nameplate capacity.',
      sohAxis: 'SOH (%)',
      yearsAxis: 'Years of operation',
      daysAxis: 'Days of operation',
      augmentation: 'Augmentation',
      endOfLife: 'End of life',
      sizingTitle: 'Sizing map',
      sizingDesc: 'Net present value of each battery size tried; the chosen size is marked.',
      npv: 'NPV',
      chosen: 'Chosen',
      powerMw: 'Power (MW)',
      energyMwh: 'Energy (MWh)',
      inputsTitle: 'Inputs',
      inputsDesc: 'Everything needed to run this study again and get this report.',
      siteFile: 'Site file',
      chikudenVersion: 'Chikuden',
      echartsVersion: 'Charts',
      java: 'Java',
      os: 'Operating system',
      commandLine: 'Command',
      generated: 'Generated',
      footer: 'Chikuden {version} · {generated}',
      yen: '{n} yen',
      years: 'years'
    },
    ja: {
      kicker: '蓄電池導入検討レポート',
      study: '{start} から {duration}（{step}刻み）・制御方式: {strategy}',
      saving: '削減額/年',
      savingNote: '蓄電池なしとありの電気料金の差（初年度）。',
      savingScaled: '検討期間 {days} 日分（{yen}）を月ごとに1年分へ換算。',
      savingFrom: '（{from} から換算）',
      contract: '契約電力（なし → あり）',
      billSaving: '電気料金の削減（なし − あり）',
      marketRevenue: '市場収入',
      productRow: '{product}：ゲートクローズで約定 {sold} ΔkW·h、履行率 {share} %',
      activationOnBill: '発動電力量の料金上の価値（TSO が上で支払う）',
      capacityPayment: '容量確定 {kw}（需給ひっ迫時の枠 {hours} 時間、不足 {short} 時間）',
      longTermPayment: '長期脱炭素電源オークション（{kw}、還付後）',
      revenueTitle: '市場別・月別の収入',
      total: '合計',
      revenueHead: ['月', '電力量（料金削減）', '需給調整市場', '発動分（料金上）', '容量市場', '合計'],
      ratchetTitle: '実量制（過去1年間の最大需要電力）',
      ratchetDesc: '契約電力500kW未満では、各月の契約電力はその月と前11か月の30分最大需要電力のうち最も大きい値。初年度の蓄電池ありは導入前の月を蓄電池なしから引き継ぎ、2年目以降は自らの値となる。',
      ratchetHead: ['月', '最大需要（なし）', '最大需要（あり）', '契約電力（なし）', '契約電力（あり）', '契約電力（あり・2年目以降）', '基本料金の削減', '2年目以降'],
      batteryWear: '蓄電池の劣化コスト',
      netSaving: '正味の削減（料金削減 + 市場収入 − 劣化）',
      pvUse: '太陽光の自家消費率 / 自給率（蓄電池なし → あり）',
      savingSplit: '料金削減の内訳（比較ケース順）',
      selfConsumptionYen: '自家消費による削減（太陽光の余剰のみ充電）',
      lostExportYen: '売電収入の減少',
      touShiftYen: '時間帯シフト（余剰充電以外の運用）',
      outageCover: '停電時の給電可能時間',
      outageHours: '平均 {hours} 時間。6 時間継続できる開始時刻 {six}、24 時間 {day}',
      savingNone: '削減額の算定にはサイトファイルに料金（tariff）を追加してください',
      payback: '投資回収年数',
      paybackValue: '{years} 年',
      paybackNever: '{years} 年以内に回収できません',
      paybackNote: '正味現在価値 {npv}（{years} 年、割引率 {rate} %）、初期投資 {capex}。',
      paybackNone: 'finance セクションを追加すると算定できます',
      paybackNoSaving: '削減額が必要です（料金を追加してください）',
      gridCode: '系統連系要件',
      gridCodePass: '全{rules}項目に適合',
      gridCodeFail: '{rules}項目中{failed}項目が不適合',
      gridCodeNote: '蓄電池なし: {verdict}。',
      gridCodeNoBattery: '蓄電池がありません。',
      gridCodeNone: '判定対象の項目なし',
      gridCodeNoneNote: '同梱の判定基準は大規模需要向けです。負荷のないサイトは接続先の要件（gridCode.rules）で判定します。',
      gridCodeNoneFile: '判定基準ファイルに上限値がありません。',
      passesAll: '全項目適合',
      failsSome: '{rules}項目中{failed}項目が不適合',
      life: '寿命までの年数',
      lifeYear: '{year} 年目',
      lifeNotReached: '期間内に到達せず',
      lifeNote: '{span}後の SOH {soh} %（寿命判定 {eol} %）。',
      lifeNone: 'サイトファイルに劣化モデルがありません',
      kpiPeak: '30分最大デマンド',
      kpiRamp: '最大ランプ率（1秒）',
      kpiEnergy: '受電電力量',
      kpiBattery: '蓄電池の充放電量',
      kpiCycles: '等価フルサイクル {cycles} 回',
      powerTitle: '検討期間全体の電力推移',
      powerDesc: '帯は{bucket}ごとの最小値〜最大値、線は平均値。スライダーまたはスクロールで拡大できます。',
      powerFull: '{bucket}刻みの全データ。スライダーまたはスクロールで拡大できます。',
      worstDayTitle: '最大デマンド日: {date}',
      worstDayDesc: '蓄電池なしの30分デマンドが最大となる日（{peak}）、{resolution}。',
      worstDayFull: '{step}刻みの全データ',
      worstDayBuckets: '1秒ごとの最小〜最大の帯と平均値',
      load: '負荷',
      gridWithout: '受電電力（蓄電池なし）',
      grid: '受電電力（蓄電池あり）',
      gridOnly: '受電電力',
      battery: '蓄電池（+ 放電）',
      soc: '充電率（SOC）',
      powerAxis: '電力（{unit}）',
      socAxis: 'SOC（%）',
      contract: '契約電力',
      contractWith: '契約電力（蓄電池あり）',
      demandTitle: '30分デマンド',
      demandDesc: 'デマンド計と同じく、時計の30分ごとの平均受電電力。',
      monthlyPeaks: '月別最大デマンド',
      durationCurve: 'デマンド持続曲線',
      withoutBattery: '蓄電池なし',
      withBattery: '蓄電池あり',
      demandAxis: 'デマンド（{unit}）',
      shareOfSlots: '30分コマの割合（%）',
      gridCodeTitle: '系統連系要件',
      defaultRules: '標準ルール',
      gridCodeDesc: '判定基準: {source}。ランプ率は{window}間の受電電力の変化、スペクトルは Welch 法（網掛けは規制対象帯域 {low}〜{high} Hz）。',
      rampHistogram: 'ランプ率ヒストグラム',
      rampAxis: 'ランプ率（{unit}/s）',
      shareOfTime: '時間の割合（%）',
      limit: '上限',
      spectrum: 'スペクトル',
      frequencyAxis: '周波数（Hz）',
      spectrumAxis: '各ビンのパワー（{unit}²）',
      criticalBand: '規制対象帯域',
      noSpectrum: '検討期間が短く、スペクトルを算出できません。',
      events: '回',
      rule: '項目',
      ruleLimit: '上限',
      rules: {
        maxRampUpMwPerS: '上昇ランプ率（毎秒）',
        maxRampDownMwPerS: '下降ランプ率（毎秒）',
        maxRampMwPerMin: 'ランプ率（毎分）',
        dynamicRangeMw: '変動幅（ダイナミックレンジ）',
        bandEnergyShare: '規制帯域の振動エネルギー比率',
        loadDropEvents: '急激な負荷脱落',
        maxDemand30minMw: '30分デマンド'
      },
      pass: '適合',
      fail: '不適合',
      billTitle: '月別料金内訳',
      billDesc: '{tariff}。各月、蓄電池なしとあり。',
      billAxis: '百万円',
      billItems: {
        basicChargeYen: '基本料金',
        excessDemandChargeYen: '超過料金',
        energyChargeMarketYen: '電力量料金（市場連動）',
        energyChargeSummerYen: '電力量料金（夏季）',
        energyChargeOtherYen: '電力量料金（その他季）',
        energyChargeHeavyLoadYen: '電力量料金（ピーク時間）',
        energyChargeDayYen: '電力量料金（昼間）',
        energyChargeNightYen: '電力量料金（夜間）',
        fuelCostAdjustmentYen: '燃料費調整額',
        marketPriceAdjustmentYen: '市場価格調整額',
        renewableLevyYen: '再エネ賦課金',
        subsidyYen: '補助金',
        consumptionTaxYen: '消費税',
        exportSaleYen: '売電'
      },
      sohTitle: '健全度（SOH）の推移',
      sohDesc: '劣化モデル {model}。公称容量の {eol} % で寿命と判定。',
      sohAxis: 'SOH（%）',
      yearsAxis: '運転年数',
      daysAxis: '運転日数',
      augmentation: '増設',
      endOfLife: '寿命',
      sizingTitle: '容量最適化マップ',
      sizingDesc: '検討した各容量の正味現在価値（NPV）。印は採用した容量。',
      npv: '正味現在価値',
      chosen: '採用',
      powerMw: '出力（MW）',
      energyMwh: '容量（MWh）',
      inputsTitle: '入力条件',
      inputsDesc: 'この検討とレポートを再現するための情報。',
      siteFile: 'サイトファイル',
      chikudenVersion: 'Chikuden',
      echartsVersion: 'グラフ',
      java: 'Java',
      os: 'OS',
      commandLine: 'コマンド',
      generated: '作成日時',
      footer: 'Chikuden {version} ・ {generated}',
      yen: '{n} 円',
      years: '年'
    }
  };

  let lang = LABELS[F.language] ? F.language : 'en';
  const charts = {};

  // ---- words and numbers ------------------------------------------------------------------

  function t(key, params) {
    const text = LABELS[lang][key];
    return params ? fill(text, params) : text;
  }

  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, (m, k) => (k in params ? params[k] : m));
  }

  function num(v, digits) {
    return Number(v).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US',
      { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  /** A share as a percentage with one decimal. */
  function pct(v) {
    return num(100 * v, 1) + ' %';
  }

  /** An axis tick or a size as it is, without trailing zeros (0.25, 1.5, 200). */
  function tick(v) {
    return Number(v).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 3 });
  }

  /** Decimals that show a figure of this size to about three significant digits, at least {min}. */
  function digitsFor(magnitude, min) {
    return magnitude > 0 ? Math.max(min, Math.min(4, 2 - Math.floor(Math.log10(magnitude)))) : min;
  }

  function yen(v) {
    return t('yen', { n: num(Math.round(v), 0) });
  }

  /** A power in kW, shown in the report's unit. */
  function power(kw, digits) {
    return num(kw / UNIT_KW, digits) + ' ' + UNIT;
  }

  function energy(kwh) {
    return UNIT === 'MW' ? num(kwh / 1000, 1) + ' MWh' : num(kwh, 1) + ' kWh';
  }

  function duration(seconds) {
    const units = lang === 'ja' ? [[86400, '日'], [3600, '時間'], [60, '分'], [1, '秒'], [0.001, 'ミリ秒']]
      : [[86400, ' d'], [3600, ' h'], [60, ' min'], [1, ' s'], [0.001, ' ms']];
    const [size, name] = units.find(([s]) => seconds >= s) || units[units.length - 1];
    const v = seconds / size;
    return num(v, Math.abs(v - Math.round(v)) < 0.05 ? 0 : 1) + name;
  }

  /** Local wall-clock milliseconds (as the figures carry them) as "2025-08-04 13:05:00". */
  function clock(localMs, seconds) {
    const iso = new Date(localMs).toISOString();
    return iso.slice(0, 10) + ' ' + iso.slice(11, seconds ? 19 : 16);
  }

  function date(isoDate) {
    if (lang !== 'ja') {
      return isoDate;
    }
    const [y, m, d] = isoDate.split('-').map(Number);
    return y + '年' + m + '月' + d + '日';
  }

  function isNum(v) {
    return typeof v === 'number' && isFinite(v);
  }

  // ---- common chart parts -----------------------------------------------------------------

  const TEXT = { color: '#374151', fontFamily: getComputedStyle(document.body).fontFamily, fontSize: 12 };

  function base(extra) {
    return Object.assign({
      animation: false,
      textStyle: TEXT,
      color: COLOR.bill,
      grid: { left: 64, right: 24, top: 40, bottom: 48 },
      legend: { top: 0, type: 'scroll', textStyle: TEXT },
      tooltip: { trigger: 'axis', confine: true }
    }, extra);
  }

  function valueAxis(name, extra) {
    return Object.assign({
      type: 'value', name: name, nameLocation: 'middle', nameGap: 46, nameTextStyle: TEXT,
      axisLine: { show: false }, splitLine: { lineStyle: { color: '#eef0f3' } }, axisLabel: { color: '#4b5563' }
    }, extra);
  }

  const TIME_LABELS = {
    en: { year: '{yyyy}', month: '{MMM}', day: '{d} {MMM}', hour: '{HH}:{mm}', minute: '{HH}:{mm}', second: '{HH}:{mm}:{ss}' },
    ja: { year: '{yyyy}年', month: '{M}月', day: '{M}/{d}', hour: '{HH}:{mm}', minute: '{HH}:{mm}', second: '{HH}:{mm}:{ss}' }
  };

  function timeAxis(gridIndex, showLabels) {
    return {
      type: 'time', gridIndex: gridIndex, axisLabel: { show: showLabels, formatter: TIME_LABELS[lang], color: '#4b5563', hideOverlap: true },
      axisTick: { show: showLabels }, splitLine: { show: false }, axisLine: { lineStyle: { color: '#9ca3af' } }
    };
  }

  function withAlpha(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  /**
   * The honest envelope: an area from each bucket's lowest to its highest value, a bucket wide. One
   * polygon for all buckets (drawn with the first), which is much faster than a shape per bucket.
   */
  function band(id, name, color, gridIndex) {
    return {
      type: 'custom', id: id, name: name, xAxisIndex: gridIndex, yAxisIndex: gridIndex, silent: true, clip: true, z: 1,
      progressive: 0, encode: { x: 0, y: [1, 2] }, tooltip: { show: false }, itemStyle: { color: color },
      renderItem: function (params, api) {
        if (params.dataIndexInside !== 0) {
          // an empty group, not null: ECharts 5.3.1 fails to update a custom series whose items returned null
          return { type: 'group', children: [] };
        }
        const top = [];
        const bottom = [];
        for (let i = 0; i < params.dataInsideLength; i++) {
          const x = api.value(0, i);
          const width = api.value(3, i);
          const high = api.value(2, i);
          const low = api.value(1, i);
          top.push(api.coord([x, high]), api.coord([x + width, high]));
          bottom.push(api.coord([x, low]), api.coord([x + width, low]));
        }
        return { type: 'polygon', shape: { points: top.concat(bottom.reverse()) }, style: { fill: withAlpha(color, 0.28) } };
      }
    };
  }

  function line(id, name, color, gridIndex, extra) {
    return Object.assign({
      type: 'line', id: id, name: name, xAxisIndex: gridIndex, yAxisIndex: gridIndex, showSymbol: false, symbol: 'none',
      lineStyle: { width: 1.2, color: color }, itemStyle: { color: color }, z: 3
    }, extra);
  }

  function tooltipTime(params) {
    if (!params.length) {
      return '';
    }
    const rows = params.filter(p => p.seriesType === 'line').map(p =>
      p.marker + p.seriesName + ': <b>' + num(p.value[1], p.seriesName === t('soc') ? 1 : 2) + '</b>');
    return clock(params[0].value[0], true) + '<br>' + rows.join('<br>');
  }

  // ---- power over time (the whole period, and the day of the peak) --------------------------

  /** About one bucket per one or two pixels of the plot: more would not show, and would make the page slow. */
  const DRAWN_BUCKETS = 800;

  /**
   * One quantity of a balance between two local times, in buckets merged so that at most about
   * DRAWN_BUCKETS remain: each keeps the lowest and highest value inside it (nothing is dropped)
   * and the mean. Returns the band's data ([start, min, max, width]; empty when every bucket is a
   * single step) and the mean line's ([start, mean]).
   */
  function visible(b, key, fromMs, toMs) {
    const q = b[key];
    const stepMs = b.bucketSeconds * 1000;
    const n = q.mean.length;
    const first = Math.min(n, Math.max(0, Math.floor((fromMs - b.startLocalMs) / stepMs)));
    const end = Math.min(n, Math.max(first, Math.ceil((toMs - b.startLocalMs) / stepMs) + 1));
    const k = Math.max(1, Math.ceil((end - first) / DRAWN_BUCKETS));
    const low = q.min || q.mean;
    const high = q.max || q.mean;
    const band = [];
    const mean = [];
    for (let i = first; i < end; i += k) {
      const last = Math.min(i + k, end);
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (let j = i; j < last; j++) {
        min = Math.min(min, low[j]);
        max = Math.max(max, high[j]);
        sum += q.mean[j];
      }
      const x = b.startLocalMs + i * stepMs;
      band.push([x, min, max, (last - i) * stepMs]);
      mean.push([x, sum / (last - i)]);
    }
    return { band: k > 1 || q.min ? band : [], mean: mean };
  }

  /** The quantities a balance chart draws: [key, label, colour, grid, line style]. */
  function balanceQuantities(b) {
    if (!('grid' in b)) {
      return [['load', t('load'), COLOR.load, 0], ['gridWithoutBattery', t('gridOnly'), COLOR.grid, 0]];
    }
    return [['load', t('load'), COLOR.load, 0], ['gridWithoutBattery', t('gridWithout'), COLOR.gridWithout, 0],
      ['grid', t('grid'), COLOR.grid, 0, { lineStyle: { width: 1.4, color: COLOR.grid } }],
      ['battery', t('battery'), COLOR.battery, 0], ['socPercent', t('soc'), COLOR.soc, 1]];
  }

  /** The series' data between two local times, by series id: what a zoom replaces. */
  function balanceData(b, fromMs, toMs) {
    return balanceQuantities(b).flatMap(([key]) => {
      const v = visible(b, key, fromMs, toMs);
      return [{ id: key + '-band', data: v.band }, { id: key, data: v.mean }];
    });
  }

  function balanceEnd(b) {
    return b.startLocalMs + b.points * b.bucketSeconds * 1000;
  }

  function balanceOption(b, markContract) {
    const battery = 'grid' in b;
    const data = balanceData(b, b.startLocalMs, balanceEnd(b));
    const series = balanceQuantities(b).flatMap(([key, name, color, gridIndex, extra]) =>
      [band(key + '-band', name, color, gridIndex), line(key, name, color, gridIndex, extra)]);
    series.forEach((s, i) => { s.data = data[i].data; });
    if (markContract) {
      series.find(s => s.id === (battery ? 'grid' : 'gridWithoutBattery')).markLine = contractMarks();
    }
    const xAxisIndex = battery ? [0, 1] : [0];
    const range = { min: b.startLocalMs, max: balanceEnd(b) };
    return base({
      useUTC: true,
      legend: { top: 0, data: balanceQuantities(b).map(q => q[1]), textStyle: TEXT },
      tooltip: { trigger: 'axis', confine: true, formatter: tooltipTime },
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      grid: battery ? [{ left: 64, right: 24, top: 36, height: '56%' }, { left: 64, right: 24, top: '72%', height: '14%' }]
        : [{ left: 64, right: 24, top: 36, bottom: 70 }],
      xAxis: (battery ? [timeAxis(0, false), timeAxis(1, true)] : [timeAxis(0, true)]).map(a => Object.assign(a, range)),
      yAxis: [valueAxis(t('powerAxis', { unit: UNIT }), { gridIndex: 0, scale: true })].concat(battery
        ? [valueAxis(t('socAxis'), { gridIndex: 1, min: 0, max: 100, interval: 50, nameGap: 36 })] : []),
      dataZoom: EXPORTING ? [] : [
        { type: 'inside', xAxisIndex: xAxisIndex, filterMode: 'none' },
        { type: 'slider', xAxisIndex: xAxisIndex, filterMode: 'none', bottom: 8, height: 22, showDataShadow: false, labelFormatter: '' }
      ],
      series: series
    });
  }

  /**
   * On zoom, draws the visible range again from the finest data there is: once the zoom action is
   * over (ECharts takes no new option while it handles one), and once for a burst of zoom events.
   */
  function redrawOnZoom(chart, b) {
    let pending = false;
    chart.on('datazoom', () => {
      if (pending) {
        return;
      }
      pending = true;
      setTimeout(() => {
        pending = false;
        const zoom = chart.getOption().dataZoom[0];
        const span = balanceEnd(b) - b.startLocalMs;
        chart.setOption({
          series: balanceData(b, b.startLocalMs + span * zoom.start / 100, b.startLocalMs + span * zoom.end / 100)
        });
      }, 0);
    });
  }

  // ---- 30-minute demand -------------------------------------------------------------------

  /** The contract each case is billed on, when it is the same in every month (an agreed contract). */
  function contracts() {
    const months = F.demand.monthly;
    const same = key => months.length && months.every(m => isNum(m[key]) && m[key] === months[0][key]) ? months[0][key] : null;
    const without = same('contractWithoutBatteryKw');
    const withB = same('contractWithBatteryKw');
    if (without === null && withB === null) {
      return [[F.demand.contractKw, t('contract')]];
    }
    const lines = [];
    if (without !== null) {
      lines.push([without, t('contract')]);
    }
    if (withB !== null && withB !== without) {
      lines.push([withB, t('contractWith')]);
    }
    return lines;
  }

  /** An axis maximum that shows the contract lines too, rounded up to a tenth of its order of magnitude. */
  function withContracts(extent) {
    const top = Math.max(extent.max, ...contracts().map(([kw]) => kw / UNIT_KW * 1.03));
    const step = Math.pow(10, Math.floor(Math.log10(top))) / 10;
    return Math.ceil(top / step) * step;
  }

  /** The contracts as dashed lines, their labels at opposite ends so that close ones stay legible. */
  function contractMarks() {
    return {
      silent: true, symbol: 'none', lineStyle: { color: COLOR.contract, type: 'dashed', width: 1 },
      data: contracts().map(([kw, name], i) => ({
        yAxis: kw / UNIT_KW,
        label: { formatter: name + ' ' + power(kw, 0), position: i === 0 ? 'insideEndTop' : 'insideStartTop', color: COLOR.contract }
      }))
    };
  }

  function monthlyPeaksOption() {
    const months = F.demand.monthly;
    const battery = P.withBattery !== null;
    // values on the bars while they are wide enough to hold them
    const label = { show: months.length <= 4, position: 'insideTop', formatter: p => num(p.value, 1), color: '#ffffff', fontWeight: 600 };
    const series = [{
      type: 'bar', name: t('withoutBattery'), itemStyle: { color: COLOR.gridWithout }, label: label, barMaxWidth: 48,
      data: months.map(m => m.withoutBatteryKw / UNIT_KW), markLine: contractMarks()
    }];
    if (battery) {
      series.push({
        type: 'bar', name: t('withBattery'), itemStyle: { color: COLOR.grid }, label: label, barMaxWidth: 48,
        data: months.map(m => m.withBatteryKw / UNIT_KW)
      });
    }
    if (P.ratchetByMonth) {
      // a ratchet's contracts change from month to month: each case's as a line over its bars
      delete series[0].markLine;
      const contractLine = (key, name, color) => ({
        type: 'line', name: name, step: 'middle', symbol: 'none',
        lineStyle: { color: color, type: 'dashed', width: 1.5 }, itemStyle: { color: color },
        data: months.map(m => isNum(m[key]) ? m[key] / UNIT_KW : null)
      });
      series.push(contractLine('contractWithoutBatteryKw', t('contract'), COLOR.contract));
      if (battery) {
        series.push(contractLine('contractWithBatteryKw', t('contractWith'), COLOR.battery));
      }
    }
    return base({
      tooltip: { trigger: 'axis', confine: true, valueFormatter: v => num(v, 2) + ' ' + UNIT },
      xAxis: { type: 'category', data: months.map(m => monthName(m.month)), axisTick: { show: false } },
      yAxis: valueAxis(t('demandAxis', { unit: UNIT }), { max: withContracts }),
      series: series
    });
  }

  function monthName(yearMonth) {
    const [y, m] = yearMonth.split('-').map(Number);
    return lang === 'ja' ? y + '年' + m + '月' : new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  }

  function durationOption() {
    const d = F.demand.duration;
    const curve = (values, name, color) => ({
      type: 'line', name: name, showSymbol: false, symbol: 'none', lineStyle: { width: 1.6, color: color }, itemStyle: { color: color },
      data: values.map((v, i) => [d.sharePercent[i], v])
    });
    const series = [curve(d.withoutBattery, t('withoutBattery'), COLOR.gridWithout)];
    if (d.withBattery) {
      series.push(curve(d.withBattery, t('withBattery'), COLOR.grid));
    }
    series[0].markLine = contractMarks();
    return base({
      tooltip: { trigger: 'axis', confine: true, valueFormatter: v => num(v, 2) + ' ' + UNIT },
      xAxis: valueAxis(t('shareOfSlots'), { min: 0, max: 100, nameGap: 28, splitLine: { show: false }, axisLine: { show: true } }),
      yAxis: valueAxis(t('demandAxis', { unit: UNIT }), { scale: true, max: withContracts }),
      series: series
    });
  }

  // ---- grid code ----------------------------------------------------------------------------

  function rule(caseFigures, name) {
    return caseFigures.gridCode.rules.find(r => r.rule === name);
  }

  /** Bars of the share of time in each ramp bin, on a log scale; the rules' limits as lines. */
  function rampOption() {
    const cases = [[F.gridCode.withoutBattery, t('withoutBattery'), COLOR.gridWithout]];
    if (F.gridCode.withBattery) {
      cases.push([F.gridCode.withBattery, t('withBattery'), COLOR.grid]);
    }
    const series = cases.map(([g, name, color]) => {
      const h = g.rampHistogram;
      const total = h.counts.reduce((a, b) => a + b, 0);
      const width = h.binKwPerS / UNIT_KW;
      const data = [];
      h.counts.forEach((c, i) => {
        if (c > 0) {
          data.push([h.firstEdgeKwPerS / UNIT_KW + i * width, 100 * c / total, width]);
        }
      });
      return {
        type: 'custom', name: name, clip: true, encode: { x: 0, y: 1 }, data: data, itemStyle: { color: color },
        renderItem: function (params, api) {
          const left = api.coord([api.value(0), api.value(1)]);
          const right = api.coord([api.value(0) + api.value(2), api.value(1)]);
          const bottom = params.coordSys.y + params.coordSys.height;
          return {
            type: 'rect', shape: { x: left[0], y: left[1], width: Math.max(right[0] - left[0], 1), height: bottom - left[1] },
            style: { fill: withAlpha(color, 0.7) }
          };
        }
      };
    });
    const limits = [];
    const up = rule(P.withoutBattery, 'maxRampUpMwPerS');
    const down = rule(P.withoutBattery, 'maxRampDownMwPerS');
    if (up && isNum(up.limit)) {
      limits.push({ xAxis: up.limit * 1000 / UNIT_KW });
    }
    if (down && isNum(down.limit)) {
      limits.push({ xAxis: -down.limit * 1000 / UNIT_KW });
    }
    series[0].markLine = {
      silent: true, symbol: 'none', lineStyle: { color: COLOR.limit, type: 'dashed', width: 1.2 },
      label: { formatter: t('limit'), color: COLOR.limit }, data: limits
    };
    return base({
      tooltip: {
        trigger: 'item', confine: true,
        formatter: p => p.marker + p.seriesName + '<br>' + num(p.value[0], 2) + ' – ' + num(p.value[0] + p.value[2], 2) + ' ' + UNIT
          + '/s: <b>' + num(p.value[1], 3) + ' %</b>'
      },
      xAxis: valueAxis(t('rampAxis', { unit: UNIT }), { nameGap: 28, splitLine: { show: false }, axisLine: { show: true } }),
      yAxis: valueAxis(t('shareOfTime'), { type: 'log', axisLabel: { formatter: v => num(v, Math.max(0, -Math.floor(Math.log10(v) + 1e-9))) } }),
      series: series
    });
  }

  function spectrumOption() {
    const cases = [[F.gridCode.withoutBattery, t('withoutBattery'), COLOR.gridWithout]];
    if (F.gridCode.withBattery) {
      cases.push([F.gridCode.withBattery, t('withBattery'), COLOR.grid]);
    }
    const scale = UNIT_KW * UNIT_KW;
    const series = cases.map(([g, name, color]) => ({
      type: 'line', name: name, showSymbol: false, symbol: 'none', lineStyle: { width: 1.4, color: color }, itemStyle: { color: color },
      data: g.spectrum.powerKw2.map((p, i) => [(i + 1) * g.spectrum.binWidthHz, p > 0 ? p / scale : null])
    }));
    const metrics = P.withoutBattery.gridCode;
    // the band lies above what a coarse step can see (its upper edge is clipped to the Nyquist frequency)
    series[0].markArea = metrics.bandHighHz <= metrics.bandLowHz ? undefined : {
      silent: true, itemStyle: { color: 'rgba(220, 38, 38, 0.08)' },
      label: { color: COLOR.limit, position: 'insideTop' },
      data: [[{ name: t('criticalBand'), xAxis: metrics.bandLowHz }, { xAxis: metrics.bandHighHz }]]
    };
    return base({
      tooltip: { trigger: 'axis', confine: true, valueFormatter: v => isNum(v) ? v.toExponential(2) + ' ' + UNIT + '²' : '–' },
      xAxis: valueAxis(t('frequencyAxis'), { type: 'log', nameGap: 28, splitLine: { show: false }, axisLine: { show: true } }),
      yAxis: valueAxis(t('spectrumAxis', { unit: UNIT }), { type: 'log', nameGap: 52, axisLabel: { formatter: v => v.toExponential(0).replace('+', '') } }),
      grid: { left: 72, right: 24, top: 40, bottom: 48 },
      series: series
    });
  }

  /** Why no rule judges the site: the shipped rules are for a large load, or its rule file sets no limit. */
  function noRuleNote() {
    return F.gridCodeRules ? t('gridCodeNoneFile') : t('gridCodeNoneNote');
  }

  function rulesTable() {
    const table = document.getElementById('rules');
    if (!JUDGED) {
      document.getElementById('section-grid-code').hidden = true;
      return;
    }
    const battery = P.withBattery !== null;
    const head = [t('rule'), t('ruleLimit'), t('withoutBattery')].concat(battery ? [t('withBattery')] : []);
    const rows = P.withoutBattery.gridCode.rules.map(r => {
      const other = battery ? rule(P.withBattery, r.rule) : null;
      const unit = r.unit === 'events' ? t('events') : r.unit;
      const figure = x => (isNum(x) ? num(x, r.unit === 'events' ? 0 : 3) : '–') + (unit ? ' ' + unit : '');
      const cells = [LABELS[lang].rules[r.rule] || r.rule, figure(r.limit)];
      const verdicts = [r].concat(other ? [other] : []).map(v => [figure(v.value) + ' · ' + (v.pass ? t('pass') : t('fail')), v.pass]);
      return { cells: cells, verdicts: verdicts };
    });
    table.replaceChildren();
    const thead = table.createTHead().insertRow();
    head.forEach(h => {
      const th = document.createElement('th');
      th.textContent = h;
      thead.appendChild(th);
    });
    const body = table.createTBody();
    if (rows.length === 0) { // a verdict column of nothing would read as a pass
      const td = body.insertRow().insertCell();
      td.colSpan = head.length;
      td.className = 'none';
      td.textContent = t('gridCodeNone') + '. ' + noRuleNote();
    }
    rows.forEach(r => {
      const tr = body.insertRow();
      r.cells.forEach(c => { tr.insertCell().textContent = c; });
      r.verdicts.forEach(([text, pass]) => {
        const td = tr.insertCell();
        td.textContent = text;
        td.className = pass ? 'pass' : 'fail';
      });
    });
  }

  // ---- the bill -----------------------------------------------------------------------------

  function billOption() {
    const without = P.withoutBattery.bill.months;
    const withB = P.withBattery && P.withBattery.bill ? P.withBattery.bill.months : null;
    const categories = [];
    const bills = [];
    without.forEach((m, i) => {
      categories.push(monthName(m.month) + '\n' + t('withoutBattery'));
      bills.push(m);
      if (withB) {
        categories.push(monthName(m.month) + '\n' + t('withBattery'));
        bills.push(withB[i]);
      }
    });
    const items = Object.keys(P.withoutBattery.bill.lineItems).filter(key => bills.some(b => b.lineItems[key]));
    const series = items.map((key, i) => ({
      type: 'bar', name: billItem(key), stack: 'bill', barMaxWidth: 56, itemStyle: { color: COLOR.bill[i % COLOR.bill.length] },
      data: bills.map(b => (b.lineItems[key] || 0) / 1e6)
    }));
    // each bill's total above its bar, while there is room: an invisible point that carries the label
    series.push({
      type: 'scatter', name: 'total', symbolSize: 0, tooltip: { show: false }, silent: true,
      label: { show: bills.length <= 8, position: 'top', formatter: p => yen(p.value[1] * 1e6), color: '#111827', fontWeight: 600 },
      data: bills.map((b, i) => [i, b.totalYen / 1e6])
    });
    return base({
      legend: { top: 0, type: 'scroll', data: items.map(billItem), textStyle: TEXT },
      tooltip: { trigger: 'axis', confine: true, valueFormatter: v => yen(v * 1e6) },
      xAxis: { type: 'category', data: categories, axisTick: { show: false } },
      yAxis: valueAxis(t('billAxis'), { axisLabel: { formatter: tick } }),
      grid: { left: 72, right: 24, top: 56, bottom: 56 },
      series: series
    });
  }

  /** The saving explained: each case's contract, the bill saving by line, the net saving by item. */
  function savingTable() {
    const table = document.getElementById('saving');
    table.replaceChildren();
    if (!P.withBattery || !P.withBattery.bill || !isNum(P.billSavingYen)) {
      table.hidden = true;
      return;
    }
    table.hidden = false;
    const rows = [[t('contract'), power(P.withoutBattery.contractKw, 0) + ' → ' + power(P.withBattery.contractKw, 0)
      + ' (' + P.contractRule.contract + ', ' + P.contractRule.exceedance + ')', false]];
    rows.push([t('billSaving'), yen(P.billSavingYen), true]);
    Object.entries(P.billSavingByLine).filter(([, v]) => v !== 0).forEach(([k, v]) => rows.push(['  ' + billItem(k), yen(v), false]));
    rows.push([t('marketRevenue'), yen(P.netSavingByItem.marketRevenueYen), false]);
    const M = P.markets;
    if (M) {
      M.balancing.forEach(p => rows.push(['  ' + t('productRow', {
        product: p.product, sold: Math.round(p.soldKwH).toLocaleString('en-US'), share: (100 * p.honouredShare).toFixed(2)
      }), yen(p.capacityYen + p.activationYen), false]));
      if (M.activationOnBillYen !== 0) {
        rows.push(['  ' + t('activationOnBill'), yen(M.activationOnBillYen), false]);
      }
      if (isNum(M.contractedKw)) {
        rows.push(['  ' + t(M.longTermAuction ? 'longTermPayment' : 'capacityPayment', {
          kw: power(M.contractedKw, 0),
          hours: isNum(M.tightWindowHours) ? M.tightWindowHours.toFixed(1) : '-',
          short: isNum(M.tightWindowShortHours) ? M.tightWindowShortHours.toFixed(1) : '-'
        }), yen(M.fixedPaymentsYen), false]);
      }
    }
    rows.push([t('batteryWear'), yen(P.netSavingByItem.batteryWearYen) + ' (' + P.wearBasis + ')', false]);
    rows.push([t('netSaving'), yen(P.netSavingYen), true]);
    const H = P.household;
    if (H) {
      rows.push([t('pvUse'), pct(P.withoutBattery.selfConsumption) + ' → ' + pct(P.withBattery.selfConsumption)
        + ' / ' + pct(P.withoutBattery.selfSufficiency) + ' → ' + pct(P.withBattery.selfSufficiency), false]);
      rows.push([t('savingSplit'), yen(H.billSavingYen), true]);
      ['selfConsumptionYen', 'lostExportYen', 'touShiftYen'].forEach(k => rows.push(['  ' + t(k), yen(H.savingSplit[k]), false]));
      rows.push([t('outageCover'), t('outageHours', {
        hours: num(H.outage.meanHours, 1), six: pct(H.outage.rideThrough['6 h']), day: pct(H.outage.rideThrough['24 h'])
      }), false]);
    }
    const body = table.createTBody();
    rows.forEach(([label, value, strong]) => {
      const tr = body.insertRow();
      tr.insertCell().textContent = label;
      const td = tr.insertCell();
      td.textContent = value;
      if (strong) {
        tr.style.fontWeight = '600';
      }
    });
  }

  /** The revenue stack month by month: energy, balancing, activation on the bill, capacity. */
  function revenueTable() {
    const table = document.getElementById('revenue');
    const title = document.getElementById('revenue-title');
    table.replaceChildren();
    const M = P.markets;
    table.hidden = title.hidden = !M;
    if (!M) {
      return;
    }
    const head = table.createTHead().insertRow();
    LABELS[lang].revenueHead.forEach(h => { head.insertCell().textContent = h; });
    const body = table.createTBody();
    const sums = [0, 0, 0, 0, 0];
    M.byMonth.forEach(m => {
      const tr = body.insertRow();
      tr.insertCell().textContent = m.month;
      [m.billSavingYen, m.balancingYen, m.activationOnBillYen, m.fixedPaymentsYen, m.totalYen].forEach((v, i) => {
        tr.insertCell().textContent = yen(v);
        sums[i] += v;
      });
    });
    const total = body.insertRow();
    total.style.fontWeight = '600';
    total.insertCell().textContent = t('total');
    sums.forEach(v => { total.insertCell().textContent = yen(v); });
  }

  /** The ratchet month by month: each case's peak and contract, the basic charge saved, their sums. */
  function ratchetTable() {
    const table = document.getElementById('ratchet');
    const months = P.ratchetByMonth;
    table.replaceChildren();
    table.hidden = document.getElementById('ratchet-title').hidden = document.getElementById('ratchet-desc').hidden = !months;
    if (!months) {
      return;
    }
    const head = table.createTHead().insertRow();
    LABELS[lang].ratchetHead.forEach(h => { head.insertCell().textContent = h; });
    const body = table.createTBody();
    const sums = [0, 0];
    months.forEach(m => {
      const tr = body.insertRow();
      tr.insertCell().textContent = monthName(m.month);
      [m.peakWithoutBatteryKw, m.peakWithBatteryKw, m.contractWithoutBatteryKw, m.contractWithBatteryKw, m.contractWithBatterySteadyStateKw]
        .forEach(kw => { tr.insertCell().textContent = power(kw, 1); });
      [m.basicChargeSavingYen, m.basicChargeSavingSteadyStateYen].forEach((v, i) => {
        tr.insertCell().textContent = yen(v);
        sums[i] += v;
      });
    });
    const total = body.insertRow();
    total.style.fontWeight = '600';
    total.insertCell().textContent = t('total');
    for (let i = 0; i < 5; i++) {
      total.insertCell();
    }
    sums.forEach(v => { total.insertCell().textContent = yen(v); });
  }

  function billItem(key) {
    const known = LABELS[lang].billItems[key];
    if (known) {
      return known;
    }
    const words = key.replace(/Yen$/, '').replace(/([A-Z])/g, ' $1').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  // ---- battery health -----------------------------------------------------------------------

  function sohOption() {
    const periodDays = F.verdict.periodDays;
    const totalDays = periodDays * P.years.length;
    const inYears = totalDays >= 365;
    const x = days => inYears ? days / 365 : days;
    const points = [[0, 100]].concat(P.years.map(y => [x(y.year * periodDays), 100 * y.stateOfHealth]));
    const augmentations = P.augmentations.map(a => ({
      value: [x(a.day), 100 * a.stateOfHealthBefore],
      name: t('augmentation') + ' +' + energy(a.addedKwh)
    }));
    const eol = 100 * P.endOfLifeSoh;
    const lowest = Math.min(eol, ...points.map(p => p[1]), ...augmentations.map(a => a.value[1]));
    return base({
      tooltip: { trigger: 'axis', confine: true, valueFormatter: v => num(v, 2) + ' %' },
      xAxis: valueAxis(t(inYears ? 'yearsAxis' : 'daysAxis'), { min: 0, nameGap: 28, splitLine: { show: false }, axisLine: { show: true } }),
      yAxis: valueAxis(t('sohAxis'), { min: Math.max(0, 5 * Math.floor((lowest - 1) / 5)), max: 100 }),
      series: [
        {
          type: 'line', name: t('sohAxis'), data: points, symbolSize: 6, lineStyle: { width: 2, color: COLOR.soc },
          itemStyle: { color: COLOR.soc },
          markLine: {
            silent: true, symbol: 'none', lineStyle: { color: COLOR.limit, type: 'dashed' },
            label: { formatter: t('endOfLife') + ' ' + num(eol, 0) + ' %', position: 'insideEndTop', color: COLOR.limit },
            data: [{ yAxis: eol }]
          }
        }
      ].concat(augmentations.length ? [{
        type: 'scatter', name: t('augmentation'), data: augmentations, symbol: 'triangle', symbolSize: 12,
        itemStyle: { color: COLOR.battery },
        label: { show: true, position: 'top', formatter: p => p.name, color: '#9a3412', fontSize: 11 }
      }] : [])
    });
  }

  // ---- sizing -------------------------------------------------------------------------------

  function sizingOption() {
    const s = F.sizing;
    const values = s.cells.map(c => c[2]);
    const best = s.cells.find(c => c[0] === s.best[0] && c[1] === s.best[1]);
    return base({
      tooltip: {
        trigger: 'item', confine: true,
        formatter: p => tick(s.powerKw[p.value[0]] / 1000) + ' MW · ' + tick(s.energyKwh[p.value[1]] / 1000) + ' MWh<br>'
          + t('npv') + ': <b>' + yen(p.value[2]) + '</b>'
      },
      grid: { left: 80, right: 110, top: 24, bottom: 56 },
      xAxis: { type: 'category', name: t('powerMw'), nameLocation: 'middle', nameGap: 32, data: s.powerKw.map(p => tick(p / 1000)) },
      yAxis: { type: 'category', name: t('energyMwh'), nameLocation: 'middle', nameGap: 56, data: s.energyKwh.map(e => tick(e / 1000)) },
      visualMap: {
        min: Math.min.apply(null, values), max: Math.max.apply(null, values), calculable: true, orient: 'vertical', right: 8, top: 'middle',
        text: [t('npv'), ''], formatter: v => num(v / 1e6, 0) + (lang === 'ja' ? ' 百万円' : ' M yen'),
        inRange: { color: ['#b91c1c', '#fca5a5', '#f8fafc', '#93c5fd', '#1d4ed8'] }, dimension: 2, seriesIndex: 0
      },
      series: [
        { type: 'heatmap', name: t('npv'), data: s.cells, label: { show: false }, emphasis: { itemStyle: { borderColor: '#111827', borderWidth: 1 } } },
        {
          type: 'scatter', name: t('chosen'), data: best ? [best] : [], symbol: 'rect', symbolSize: 26, z: 5,
          itemStyle: { color: 'transparent', borderColor: '#111827', borderWidth: 2.5 },
          label: { show: true, position: 'top', formatter: t('chosen'), color: '#111827', fontWeight: 600 }
        }
      ]
    });
  }

  // ---- the verdict, key figures, texts --------------------------------------------------------

  function card(title, value, note, state) {
    const el = document.createElement('div');
    el.className = 'card ' + state;
    const h = document.createElement('h3');
    h.textContent = title;
    const v = document.createElement('div');
    v.className = 'value';
    v.textContent = value;
    el.append(h, v);
    if (note) {
      const p = document.createElement('p');
      p.className = 'note';
      p.textContent = note;
      el.appendChild(p);
    }
    return el;
  }

  function verdictCards() {
    const v = F.verdict;
    const cards = [];
    if (isNum(v.savingYenPerYear)) {
      const extended = Math.abs(v.savingYenPerYear - v.savingYen) >= 1;
      cards.push(card(t('saving') + (v.yearFrom ? ' ' + t('savingFrom', { from: v.yearFrom }) : ''), yen(v.savingYenPerYear),
        t('savingNote') + (extended ? ' ' + t('savingScaled', { days: num(v.periodDays, 0), yen: yen(v.savingYen) }) : ''),
        v.savingYenPerYear >= 0 ? 'pass' : 'fail'));
    } else {
      cards.push(card(t('saving'), t('savingNone'), null, 'none'));
    }
    if (v.finance) {
      const f = v.finance;
      const payback = isNum(f.simplePaybackYears) ? t('paybackValue', { years: num(f.simplePaybackYears, 1) })
        : t('paybackNever', { years: f.years });
      cards.push(card(t('payback'), payback, t('paybackNote', {
        npv: yen(f.npvYen), years: f.years, rate: num(100 * f.discountRate, 1), capex: yen(f.capexYen)
      }), f.npvYen >= 0 ? 'pass' : 'fail'));
    } else {
      cards.push(card(t('payback'), isNum(v.savingYenPerYear) ? t('paybackNone') : t('paybackNoSaving'), null, 'none'));
    }
    const failedWithout = v.rulesFailedWithoutBattery;
    const without = failedWithout === 0 ? t('passesAll') : t('failsSome', { failed: failedWithout, rules: v.rules });
    if (!JUDGED) {
      // no grid-code card: the shipped rules are not this site's
    } else if (v.rules === 0) {
      cards.push(card(t('gridCode'), t('gridCodeNone'), noRuleNote(), 'none'));
    } else if (v.rulesFailedWithBattery !== null) {
      const failed = v.rulesFailedWithBattery;
      cards.push(card(t('gridCode'), failed === 0 ? t('gridCodePass', { rules: v.rules }) : t('gridCodeFail', { failed: failed, rules: v.rules }),
        t('gridCodeNote', { verdict: without }), failed === 0 ? 'pass' : 'fail'));
    } else {
      cards.push(card(t('gridCode'), failedWithout === 0 ? t('gridCodePass', { rules: v.rules }) : t('gridCodeFail', { failed: failedWithout, rules: v.rules }),
        t('gridCodeNoBattery'), failedWithout === 0 ? 'pass' : 'fail'));
    }
    if (P.withBattery && P.agingModel) {
      const span = duration(v.periodDays * P.years.length * 86400);
      const note = t('lifeNote', { soh: num(100 * P.withBattery.stateOfHealthEnd, 2), span: span, eol: num(100 * P.endOfLifeSoh, 0) });
      cards.push(isNum(P.endOfLifeYear) ? card(t('life'), t('lifeYear', { year: P.endOfLifeYear }), note, '')
        : card(t('life'), t('lifeNotReached'), note, 'pass'));
    } else {
      cards.push(card(t('life'), t('lifeNone'), null, 'none'));
    }
    document.getElementById('verdict').replaceChildren(...cards);
  }

  function kpi(label, figure, change) {
    const el = document.createElement('div');
    el.className = 'kpi';
    [['label', label], ['figure', figure], ['change', change]].forEach(([cls, text]) => {
      const d = document.createElement('div');
      d.className = cls;
      d.textContent = text;
      el.appendChild(d);
    });
    return el;
  }

  const KPI_LABELS = { peakDemand30minKw: 'kpiPeak', maxRampKwPerS: 'kpiRamp', energyImportedKwh: 'kpiEnergy' };

  function keyFigures() {
    const a = P.withoutBattery;
    const b = P.withBattery;
    /** Without and with the battery, and the change, in the report's unit. */
    function change(key, unit, minDigits) {
      const x = a[key] / UNIT_KW;
      const digits = digitsFor(Math.max(Math.abs(x), b ? Math.abs(b[key] / UNIT_KW) : 0), minDigits);
      if (!b) {
        return kpi(t(KPI_LABELS[key]), num(x, digits) + ' ' + unit, '');
      }
      const y = b[key] / UNIT_KW;
      const sign = y > x ? '+' : y < x ? '−' : '±';
      return kpi(t(KPI_LABELS[key]), num(x, digits) + ' → ' + num(y, digits) + ' ' + unit,
        sign + num(Math.abs(y - x), digits) + ' ' + unit);
    }
    const items = [change('peakDemand30minKw', UNIT, 2), change('maxRampKwPerS', UNIT + '/s', 2),
      change('energyImportedKwh', UNIT + 'h', 0)];
    if (b) {
      items.push(kpi(t('kpiBattery'), energy(b.batteryThroughputKwh), t('kpiCycles', { cycles: num(b.equivalentFullCycles, 2) })));
    }
    document.getElementById('kpis').replaceChildren(...items);
  }

  function texts() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('.lang button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
    document.getElementById('study').textContent = t('study', {
      duration: duration(F.verdict.periodDays * 86400), start: clock(F.period.startLocalMs, false),
      step: duration(P.stepSeconds), strategy: F.strategy || '–'
    });
    const p = F.period;
    document.getElementById('power-desc').textContent = 'min' in p.load ? t('powerDesc', { bucket: duration(p.bucketSeconds) })
      : t('powerFull', { bucket: duration(p.bucketSeconds) });
    const d = F.worstDay;
    document.getElementById('worst-day-title').textContent = t('worstDayTitle', { date: date(d.date) });
    document.getElementById('worst-day-desc').textContent = t('worstDayDesc', {
      peak: power(d.peakDemandWithoutBatteryKw, 2),
      resolution: 'min' in d.load ? t('worstDayBuckets') : t('worstDayFull', { step: duration(d.bucketSeconds) })
    });
    const g = P.withoutBattery.gridCode;
    document.getElementById('grid-code-desc').textContent = t('gridCodeDesc', {
      source: F.verdict.rules === 0 ? t('gridCodeNone').toLowerCase() : F.gridCodeRules || t('defaultRules'),
      window: duration(F.gridCode.withoutBattery.rampHistogram.windowSeconds), low: num(g.bandLowHz, 2), high: num(g.bandHighHz, 2)
    }) + (F.gridCode.withoutBattery.spectrum.segments === 0 ? ' ' + t('noSpectrum') : '');
    if (P.withoutBattery.bill) {
      document.getElementById('bill-desc').textContent = t('billDesc', { tariff: P.withoutBattery.bill.tariff });
    }
    if (P.agingModel) {
      document.getElementById('soh-desc').textContent = t('sohDesc', { model: P.agingModel, eol: num(100 * P.endOfLifeSoh, 0) });
    }
    const inputs = document.getElementById('inputs');
    const rows = [['siteFile', F.inputs.siteFile], ['commandLine', F.inputs.commandLine], ['chikudenVersion', F.inputs.chikudenVersion],
      ['echartsVersion', 'Apache ECharts ' + F.inputs.echartsVersion], ['java', F.inputs.java], ['os', F.inputs.os], ['generated', F.inputs.generated]];
    inputs.replaceChildren(...rows.flatMap(([key, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = t(key);
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }));
    document.getElementById('site-text').textContent = F.inputs.siteText;
    document.getElementById('footer').textContent = t('footer', { version: F.inputs.chikudenVersion, generated: F.inputs.generated });
  }

  // ---- the charts ---------------------------------------------------------------------------

  /** The charts of power over time, which zoom into their data. */
  const BALANCES = { 'power': F.period, 'worst-day': F.worstDay };

  /** Each chart, or null where the study has no data for it (its section is then hidden). */
  const CHARTS = {
    'power': () => balanceOption(F.period, false),
    'worst-day': () => F.worstDay.points > 0 ? balanceOption(F.worstDay, true) : null,
    'monthly-peaks': () => F.demand.monthly.length ? monthlyPeaksOption() : null,
    'duration-curve': () => F.demand.duration.withoutBattery.length ? durationOption() : null,
    'ramp-histogram': () => JUDGED && F.gridCode.withoutBattery.rampHistogram.counts.some(c => c > 0) ? rampOption() : null,
    'spectrum': () => JUDGED && F.gridCode.withoutBattery.spectrum.segments > 0 ? spectrumOption() : null,
    'monthly-bill': () => P.withoutBattery.bill ? billOption() : null,
    'soh': () => P.withBattery && P.agingModel ? sohOption() : null,
    'sizing': () => F.sizing && F.sizing.cells.length ? sizingOption() : null
  };

  function render() {
    texts();
    verdictCards();
    keyFigures();
    rulesTable();
    savingTable();
    revenueTable();
    ratchetTable();
    Object.keys(charts).forEach(id => charts[id].setOption(CHARTS[id](), true));
  }

  function init() {
    let waiting = 0;
    render();
    document.querySelectorAll('[data-chart]').forEach(el => {
      const id = el.dataset.chart;
      const option = CHARTS[id]();
      if (option === null) {
        el.parentElement.hidden = true;
        return;
      }
      const chart = echarts.init(el, null, { renderer: 'canvas' });
      charts[id] = chart;
      waiting++;
      chart.on('finished', function first() {
        chart.off('finished', first);
        if (--waiting === 0) {
          ready();
        }
      });
      chart.setOption(option);
      if (BALANCES[id]) {
        redrawOnZoom(chart, BALANCES[id]);
      }
    });
    if (waiting === 0) {
      ready();
    }
    document.querySelectorAll('section.panel').forEach(s => {
      const ids = Array.from(s.querySelectorAll('[data-chart]'), el => el.dataset.chart);
      if (ids.length && !ids.some(id => charts[id])) {
        s.hidden = true;
      }
    });
    document.querySelectorAll('.lang button').forEach(b => b.addEventListener('click', () => setLanguage(b.dataset.lang)));
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  }

  function ready() {
    window.reportReadyMs = performance.now();
    window.reportReady = true;
  }

  function setLanguage(l) {
    if (LABELS[l] && l !== lang) {
      lang = l;
      render();
    }
  }

  /** Each chart as a PNG for slides, written into the page for headless Chromium's --dump-dom to read. */
  function exportPngs() {
    const images = {};
    Object.keys(charts).forEach(id => {
      images[id] = charts[id].getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    });
    document.querySelectorAll('script').forEach(s => s.remove());
    document.querySelector('main').remove();
    const out = document.createElement('pre');
    out.id = 'png-export';
    out.textContent = JSON.stringify(images);
    document.body.appendChild(out);
  }

  window.report = { charts: charts, setLanguage: setLanguage, language: () => lang };
  init();
  if (EXPORTING) {
    exportPngs();
  }
})();
