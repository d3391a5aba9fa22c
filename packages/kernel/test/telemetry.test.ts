import { describeStatement, operationLabel, tracingRequested } from '@tw/kernel';

describe('telemetry helpers', () => {
  it('turns tracing on only when the standard OTEL_* variables ask for it', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });

  it('describes a statement by its keyword and table, never by its values', () => {
    expect(describeStatement('SELECT `t`.`id` AS `t_id` FROM `teacher` `t` WHERE `t`.`id_number` = ?')).toEqual({ operation: 'SELECT', table: 'teacher' });
    expect(describeStatement(' INSERT INTO "pay_record"("id", "amount_fen") VALUES (?, ?)')).toEqual({ operation: 'INSERT', table: 'pay_record' });
    expect(describeStatement('UPDATE `import_job` SET `status` = ? WHERE id = ?')).toEqual({ operation: 'UPDATE', table: 'import_job' });
    expect(describeStatement("DELETE FROM audit_log WHERE name = '张三'")).toEqual({ operation: 'DELETE', table: 'audit_log' });
    expect(describeStatement('START TRANSACTION')).toEqual({ operation: 'START' });
  });

  it('counts operations under their names while there are few, and bounds the series', () => {
    expect(operationLabel(undefined)).toBe('(anonymous)');
    expect(operationLabel('TeachersPage')).toBe('TeachersPage');
    expect(operationLabel('not a name; DROP')).toBe('(other)');
    for (let i = 0; i < 300; i++) operationLabel(`Generated${i}`);
    expect(operationLabel('TeachersPage')).toBe('TeachersPage');
    expect(operationLabel('OneTooMany')).toBe('(other)');
  });
});
