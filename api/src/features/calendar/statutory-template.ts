import ExcelJS from 'exceljs';

const INSTRUCTIONS = [
  '法定节假日安排导入模板（每行一天）',
  '',
  '日期：YYYY-MM-DD（也可写 2027/10/1、2027年10月1日），须在导入时选择的年度内。',
  '类型：“放假”或“上班”。放假日包括假期中的周末；“上班”指调休上班日（周六或周日）。',
  '名称：所属节日，如 元旦、春节、清明节、劳动节、端午节、中秋节、国庆节。',
  '',
  '请按国务院办公厅当年发布的部分节假日安排通知逐日填写；导入前会先预览，有任何错误则不写入。',
  '',
  'One row a day. 日期 date (YYYY-MM-DD, inside the chosen year); 类型 type: 放假 (day off, weekends inside a holiday',
  'included) or 上班 (make-up workday, a Saturday or Sunday); 名称 the festival. Copy the State Council notice day by day;',
  'the import previews first and writes nothing if any row is wrong.',
];

/** The Excel template for loading a year's statutory arrangement: 日期 / 类型 / 名称, and how to fill it. */
export async function statutoryTemplate(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('法定节假日安排');
  sheet.columns = [
    { header: '日期', key: 'date', width: 16, style: { numFmt: '@' } },
    { header: '类型', key: 'kind', width: 10 },
    { header: '名称', key: 'name', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (let r = 2; r <= 120; r++) {
    sheet.getCell(`B${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"放假,上班"'],
      showErrorMessage: true,
      error: '请选择“放假”或“上班”',
    };
  }
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  INSTRUCTIONS.forEach((line, i) => (help.getCell(`A${i + 1}`).value = line));
  help.getCell('A1').font = { bold: true, size: 13 };
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
