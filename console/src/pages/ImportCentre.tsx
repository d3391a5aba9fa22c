import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, EyeOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, Form, Input, Progress, Row, Select, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { download, request } from '../api/client';
import type { ApiError } from '../api/errors';
import { importKinds, previewImport, uploadImport, type ImportKind, type ImportPreview as Preview } from '../api/imports';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportHistory } from '../components/ImportHistory';
import { ImportJobResult, type ImportJobView } from '../components/ImportJobResult';
import { ImportPreview } from '../components/ImportPreview';
import { ImportJobProgressDocument, ImportKindColumnsDocument, type ImportKindColumnsQuery } from '../__generated__/graphql';
import { FINISHED_IMPORT } from '../lib/labels';

const POLL_MS = 600;

/**
 * The import centre: a kind (by its Chinese name), its template, a file dropped or chosen, its
 * preview with the column mapping to correct, a dry run or the import itself with the upload's and the job's progress, the result with the rejected rows
 * and errors.xlsx, and the history of the school's (or the district's) imports.
 */
export default function ImportCentre() {
  const { session } = useSession();
  const { message } = App.useApp();
  const [kinds, setKinds] = useState<ImportKind[]>([]);
  const [kind, setKind] = useState<string>();
  const [school, setSchool] = useState('');
  const [partial, setPartial] = useState(false);
  const [file, setFile] = useState<File>();
  const [uploadPercent, setUploadPercent] = useState<number>();
  const [job, setJob] = useState<ImportJobView>();
  const [preview, setPreview] = useState<Preview>();
  const [kindColumns, setKindColumns] = useState<ImportKindColumnsQuery['importKinds']>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error>();
  const [refreshKey, setRefreshKey] = useState(0);
  const polling = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    importKinds()
      .then((all) => {
        const mine = all.filter((k) => session && k.roles.includes(session.role));
        setKinds(mine);
        setKind((k) => k ?? mine.find((x) => x.kind === 'teachers')?.kind ?? mine[0]?.kind);
      })
      .catch(setError);
    request(ImportKindColumnsDocument, {})
      .then((d) => setKindColumns(d.importKinds))
      .catch(setError);
    return () => polling.current?.abort();
  }, [session]);

  const chosen = kinds.find((k) => k.kind === kind);

  /** Polls the job until it is finished; the table and counts follow it. */
  const follow = async (id: string) => {
    polling.current?.abort();
    const ctl = new AbortController();
    polling.current = ctl;
    for (;;) {
      const d = await request(ImportJobProgressDocument, { id }, { signal: ctl.signal });
      if (ctl.signal.aborted) return;
      if (d.importJob) setJob(d.importJob);
      if (!d.importJob || FINISHED_IMPORT.has(d.importJob.status)) return;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

  /** What the importer understands of the file, nothing written; again after a column is mapped. */
  const runPreview = async () => {
    if (!file || !kind) return;
    setBusy(true);
    setError(undefined);
    try {
      setPreview(await previewImport({ kind, file, school: school.trim() || undefined }));
    } catch (e) {
      setPreview(undefined);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file || !kind) return;
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    setUploadPercent(0);
    try {
      const { id } = await uploadImport({ kind, file, dryRun, partial, school: school.trim() || undefined, onProgress: setUploadPercent });
      await follow(id);
      setRefreshKey((n) => n + 1);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="导入数据">
        <ErrorAlert error={error} />
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="数据类型">
                <Select
                  value={kind}
                  onChange={(k) => {
                    setKind(k);
                    setJob(undefined);
                    setPreview(undefined);
                  }}
                  options={kinds.map((k) => ({ value: k.kind, label: k.nationalSubset ? `${k.title}（${k.nationalSubset}）` : k.title }))}
                  data-testid="kind-select"
                  showSearch
                  optionFilterProp="label"
                />
              </Form.Item>
            </Col>
            {session?.role === 'DISTRICT_ADMIN' ? (
              <Col xs={24} md={12}>
                <Form.Item label="所属学校（文件中没有学校列时填写）" tooltip="学校标识码或学校全称">
                  <Input value={school} onChange={(e) => setSchool(e.target.value)} placeholder="如 4101029101" allowClear />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          {chosen ? (
            <Form.Item>
              <Button icon={<DownloadOutlined />} onClick={() => download(chosen.template, `${chosen.title}导入模板.xlsx`).catch((e: Error) => message.error(e.message))}>
                下载“{chosen.title}”模板
              </Button>
            </Form.Item>
          ) : null}
          <Form.Item>
            <Upload.Dragger
              multiple={false}
              accept=".xlsx,.csv,.txt"
              showUploadList={false}
              beforeUpload={(f) => {
                setFile(f);
                setJob(undefined);
                setPreview(undefined);
                setUploadPercent(undefined);
                return false;
              }}
              data-testid="file-drop"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? `已选择：${file.name}` : '将文件拖到此处，或点击选择文件'}</p>
              <p className="ant-upload-hint">支持 .xlsx 和 .csv（UTF-8 或 GBK）；表头可以有标题行、合并单元格和常见的列名写法</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item>
            <Checkbox checked={partial} onChange={(e) => setPartial(e.target.checked)}>
              有被拒绝的行时，仍写入其余正确的行
            </Checkbox>
          </Form.Item>
          <Space wrap>
            <Button icon={<EyeOutlined />} disabled={!file || !kind || busy} onClick={() => void runPreview()} data-testid="preview">
              预览（看看系统如何读取）
            </Button>
            <Button icon={<CheckCircleOutlined />} disabled={!file || !kind || busy} onClick={() => run(true)} data-testid="dry-run">
              试导入（只校验）
            </Button>
            <Button type="primary" icon={<CloudUploadOutlined />} disabled={!file || !kind || busy} loading={busy} onClick={() => run(false)} data-testid="import">
              导入
            </Button>
          </Space>
          {uploadPercent !== undefined ? (
            <div style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">上传</Typography.Text>
              <Progress percent={uploadPercent} size="small" aria-label="上传进度" data-testid="upload-progress" />
            </div>
          ) : null}
        </Form>
      </Card>
      {preview && !job ? (
        <Card title={`预览：${preview.fileName}（${preview.title}，未写入）`}>
          <ImportPreview preview={preview} kindColumns={kindColumns.find((k) => k.kind === preview.kind)?.columns ?? []} onMapped={() => void runPreview()} />
        </Card>
      ) : null}
      {job ? (
        <Card title="导入结果">
          <ImportJobResult job={job} kindTitle={kinds.find((k) => k.kind === job.kind)?.title} />
        </Card>
      ) : null}
      <Card title={session?.role === 'SCHOOL_ADMIN' ? '本校导入记录' : '导入记录'}>
        <ImportHistory kinds={kinds} refreshKey={refreshKey} />
      </Card>
    </Space>
  );
}
