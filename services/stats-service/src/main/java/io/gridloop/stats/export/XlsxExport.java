package io.gridloop.stats.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** An Excel workbook with one sheet: a title row, bold headers, counts as integers and rates as percentages. */
public final class XlsxExport {

    private XlsxExport() {
    }

    public static byte[] write(Sheet sheet) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = book.createSheet(safeSheetName(sheet.title()));
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle hours = book.createCellStyle();
            hours.setDataFormat(book.createDataFormat().getFormat("0.0"));

            s.createRow(0).createCell(0).setCellValue(sheet.title());
            Row head = s.createRow(1);
            for (int i = 0; i < sheet.columns().size(); i++) {
                XSSFCell c = (XSSFCell) head.createCell(i);
                c.setCellValue(sheet.columns().get(i).header());
                c.setCellStyle(header);
            }
            int r = 2;
            for (List<Object> row : sheet.rows()) {
                Row line = s.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    if (v == null) {
                        continue;
                    }
                    XSSFCell c = (XSSFCell) line.createCell(i);
                    switch (sheet.columns().get(i).kind()) {
                        case COUNT -> c.setCellValue(((Number) v).doubleValue());
                        case RATE -> {
                            c.setCellValue(((Number) v).doubleValue());
                            c.setCellStyle(percent);
                        }
                        case HOURS -> {
                            c.setCellValue(((Number) v).doubleValue());
                            c.setCellStyle(hours);
                        }
                        default -> c.setCellValue(v.toString());
                    }
                }
            }
            for (int i = 0; i < sheet.columns().size(); i++) {
                s.setColumnWidth(i, 14 * 256);
            }
            s.createFreezePane(0, 2);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
    static String safeSheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
