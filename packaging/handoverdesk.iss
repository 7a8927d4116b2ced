; Inno Setup 6 (6.3 or later) script of HandoverDesk 物业交接台: the installer of the one-folder bundle that
; packaging/handoverdesk.spec builds into dist\HandoverDesk. packaging\build_windows.ps1 compiles it:
;
;   ISCC.exe /DAppVersion=0.1.0 packaging\handoverdesk.iss
;
; Defines (ISCC /D…): AppVersion (from pyproject.toml; required), BundleDir (default ..\dist\HandoverDesk),
; OutputDir (default ..\dist\installer), Sign (set with ISCC's /Shandoverdesk=… to sign Setup and the
; uninstaller with the office's certificate; build_windows.ps1 does both when given a certificate).
;
; What it does: installs to Program Files\HandoverDesk, adds 物业交接台 to the Start menu and the desktop,
; and a new version upgrades the old one in place (the same AppId; the old _internal folder is replaced
; whole, so no module of the old version stays behind). The user's data — the database, its backups,
; the log and this PC's settings in %APPDATA%\HandoverDesk — is kept on uninstall unless the user answers
; 是 to the question at the end of it (a silent uninstall keeps it).
; Saved as UTF-8 with a byte-order mark: ISCC then reads the Chinese below as Unicode.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z packaging\handoverdesk.iss (build_windows.ps1 does)
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\HandoverDesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\installer"
#endif
; models/paths.py APP_NAME: the data folder's name under %APPDATA% (platformdirs, roaming)
#define DataFolder "HandoverDesk"
#define AppExe "HandoverDesk.exe"

[Setup]
; Fixed for ever: Windows knows an installed HandoverDesk by it, and a new version upgrades it in place.
AppId={{E57F772F-51FE-4952-8BC3-0EE527FC87E1}
AppName=物业交接台 HandoverDesk
AppVersion={#AppVersion}
AppVerName=物业交接台 HandoverDesk {#AppVersion}
AppPublisher=HandoverDesk
DefaultDirName={autopf}\HandoverDesk
DefaultGroupName=物业交接台
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=HandoverDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\handoverdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=物业交接台 HandoverDesk {#AppVersion}
VersionInfoVersion={#AppVersion}
VersionInfoProductName=HandoverDesk 物业交接台
VersionInfoDescription=物业交接台 HandoverDesk 安装程序
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running HandoverDesk is asked to close (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
; The uninstaller asks about %APPDATA%\HandoverDesk of the user who runs it (see [Code]).
UsedUserAreasWarning=no
#ifdef Sign
SignTool=handoverdesk
SignedUninstaller=yes
#endif

[Languages]
; Simplified Chinese: shipped in Languages\ by recent Inno Setup 6 releases, in Languages\Unofficial\ by
; some, and by none at all before that (then put the translators' ChineseSimplified.isl beside this script
; or in Inno Setup's Languages folder). Without it the installer's own buttons are English; the questions
; this script asks stay Chinese either way.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chs"; MessagesFile: "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found: the installer's buttons will be in English (see [Languages])"
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面上创建“物业交接台”快捷方式"

[InstallDelete]
; An upgrade replaces the bundle's library folder whole: nothing of the old version is left to be imported.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\物业交接台"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "HandoverDesk 物业交接台"
Name: "{autoprograms}\物业交接台 使用说明"; Filename: "{app}\_internal\resources\manual\index.html"
Name: "{autodesktop}\物业交接台"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动物业交接台"; Flags: nowait postinstall skipifsilent

[Code]
// At the end of an uninstall: keep the user's data (the default, and a silent uninstall's answer), or
// delete the whole folder when the user answers 是.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  DataDir := ExpandConstant('{userappdata}\{#DataFolder}');
  if not DirExists(DataDir) then
    Exit;
  if SuppressibleMsgBox('物业交接台已卸载。' + #13#10#13#10 +
       '是否同时删除本机上的数据？' + #13#10 + DataDir + #13#10 +
       '其中有本机的数据库（handoverdesk.sqlite）、全部自动备份、日志和本机设置。' + #13#10#13#10 +
       '选“是”将永久删除这些文件，无法恢复；选“否”保留它们，以后重新安装即可继续使用。' + #13#10 +
       '（PostgreSQL 服务器上的数据不受影响。）',
       mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
  begin
    if not DelTree(DataDir, True, True, True) then
      MsgBox('未能删除全部数据，请手动删除：' + #13#10 + DataDir, mbError, MB_OK);
  end;
end;
