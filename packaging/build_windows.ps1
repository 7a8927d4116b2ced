<#
.SYNOPSIS
  Builds HandoverDesk 物业交接台 for Windows: the one-folder bundle, its smoke test, and the installer.

.DESCRIPTION
  From the repository's root folder, on a 64-bit Windows 10/11 PC with Python 3.11 (x64) and, for the
  installer, Inno Setup 6 (6.3 or later):

    powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1

  1. makes a clean venv (.venv-bundle) and installs the app with its packaging extra (PyInstaller);
  2. runs PyInstaller with packaging\handoverdesk.spec into dist\HandoverDesk
     (HandoverDesk.exe: the windowed app; handoverdesk-cli.exe: the commands; _internal\: what both load);
  3. smoke-tests the bundle from its own .exe files, with no Python on PATH: --version, --self-check,
     demo on a new database, a screenshot of every tab, the settlement PDF and the accountant's workbook;
  4. signs the two .exe files with signtool, when a certificate is given;
  5. compiles packaging\handoverdesk.iss with ISCC.exe into dist\installer\HandoverDesk-<version>-setup.exe
     (signed too, with its uninstaller, when a certificate is given), when Inno Setup is found.
  Any failed step stops the script with a message and exit code 1.
  (This file is UTF-8 with a byte-order mark: Windows PowerShell 5.1 would read it in the ANSI code page
  otherwise and garble its Chinese.)

.PARAMETER Python
  The Python 3.11 x64 to build with (default: the py launcher's 3.11, else python on PATH).

.PARAMETER CertificateFile
  A code-signing certificate (.pfx) to sign with; its password in -CertificatePassword or the
  environment variable HANDOVERDESK_SIGN_PASSWORD.

.PARAMETER CertificateThumbprint
  Or: the SHA-1 thumbprint of a certificate in the Windows certificate store (a USB token's included).

.PARAMETER TimestampUrl
  The RFC 3161 time-stamping server of the certificate's issuer (a signature then outlives the certificate).

.PARAMETER SkipInstaller
  Build and test the bundle only.
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$CertificateFile = "",
    [string]$CertificatePassword = $env:HANDOVERDESK_SIGN_PASSWORD,
    [string]$CertificateThumbprint = "",
    [string]$TimestampUrl = "http://timestamp.digicert.com",
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Venv = Join-Path $Root ".venv-bundle"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
$Dist = Join-Path $Root "dist"
$Bundle = Join-Path $Dist "HandoverDesk"
$Cli = Join-Path $Bundle "handoverdesk-cli.exe"
$Gui = Join-Path $Bundle "HandoverDesk.exe"

function Step([string]$Text) { Write-Host "==> $Text" -ForegroundColor Cyan }

function Invoke-Native {
    # Runs a program; a non-zero exit code stops the script.
    param([string]$What, [string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

# ---- Python 3.11 x64 -----------------------------------------------------------------------------
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) {
        $Python = (& py -3.11 -c "import sys; print(sys.executable)").Trim()
        if ($LASTEXITCODE -ne 0) { throw "py -3.11 found no Python 3.11: install Python 3.11 (64-bit) first" }
    } elseif (Get-Command python -ErrorAction SilentlyContinue) {
        $Python = (Get-Command python).Source
    } else {
        throw "No Python found: install Python 3.11 (64-bit) from python.org first"
    }
}
$Found = (& $Python -c "import struct, sys; print('%d.%d %d' % (sys.version_info[0], sys.version_info[1], struct.calcsize('P') * 8))").Trim()
if ($Found -ne "3.11 64") { throw "$Python is Python $Found; the bundle needs Python 3.11 64-bit" }
$Version = (& $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
Step "HandoverDesk $Version with $Python"

# ---- 1. a clean venv with the app and PyInstaller -------------------------------------------------
Step "clean venv $Venv"
foreach ($Old in @($Venv, (Join-Path $Root "build\pyinstaller"), $Bundle, (Join-Path $Dist "installer"))) {
    if (Test-Path $Old) { Remove-Item -Recurse -Force $Old }
}
Invoke-Native "python -m venv" $Python @("-m", "venv", $Venv)
Invoke-Native "pip upgrade" $VenvPython @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Native "pip install .[package]" $VenvPython @("-m", "pip", "install", "--quiet", ".[package]")

# ---- 2. the bundle --------------------------------------------------------------------------------
Step "PyInstaller packaging\handoverdesk.spec"
Invoke-Native "PyInstaller" $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", $Dist,
    "--workpath", (Join-Path $Root "build\pyinstaller"), "packaging\handoverdesk.spec")
foreach ($Exe in @($Gui, $Cli)) { if (-not (Test-Path $Exe)) { throw "the bundle has no $Exe" } }

# ---- 3. smoke test, from the bundle alone ---------------------------------------------------------
Step "smoke test of $Bundle"
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("handoverdesk-smoke-" + [guid]::NewGuid().ToString("N"))
New-Item -ItemType Directory -Path (Join-Path $Work "AppData") | Out-Null
$Saved = @{}
foreach ($Name in @("PATH", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "APPDATA", "QT_QPA_PLATFORM")) {
    $Saved[$Name] = [Environment]::GetEnvironmentVariable($Name, "Process")
}
try {
    # No Python on PATH (Windows' own folders only: the Store's python.exe alias lives elsewhere).
    $env:PATH = "$env:SystemRoot\System32;$env:SystemRoot"
    foreach ($Name in @("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")) { Remove-Item "Env:$Name" -ErrorAction SilentlyContinue }
    if (Get-Command python, python3 -ErrorAction SilentlyContinue) { throw "a python is still on the smoke test's PATH" }
    $env:APPDATA = Join-Path $Work "AppData"  # the log and settings of these runs, not the builder's
    $env:QT_QPA_PLATFORM = "offscreen"         # shot renders without showing a window

    $Said = (& $Cli --version | Out-String).Trim()
    if ($LASTEXITCODE -ne 0 -or -not $Said.Contains($Version)) { throw "handoverdesk-cli --version said '$Said'" }
    # The windowed program has no stdout (sys.stdout is None): it must still run and exit 0.
    $Run = Start-Process -FilePath $Gui -ArgumentList "--version" -Wait -PassThru
    if ($Run.ExitCode -ne 0) { throw "HandoverDesk.exe --version exited with $($Run.ExitCode)" }
    Invoke-Native "--self-check" $Cli @("--self-check")
    $Db = Join-Path $Work "demo.sqlite"
    Invoke-Native "demo" $Cli @("demo", "--db", $Db)
    $Handover = (& $VenvPython -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('select min(id) from handovers').fetchone()[0])" $Db).Trim()
    foreach ($Tab in @("overview", "handover", "defects", "keys", "fees")) {
        Invoke-Native "shot --tab $Tab" $Cli @("shot", "--tab", $Tab, "--db", $Db, "--out", (Join-Path $Work "$Tab.png"))
    }
    Invoke-Native "print settlement" $Cli @("print", "settlement", "--handover", $Handover, "--db", $Db,
        "--out", (Join-Path $Work "settlement.pdf"))
    Invoke-Native "export fees" $Cli @("export", "fees", "--handover", $Handover, "--db", $Db,
        "--out", (Join-Path $Work "fees.xlsx"))
    # The app itself: it starts, upgrades nothing (a new file), makes its start backup and waits at the login.
    $App = Start-Process -FilePath $Gui -ArgumentList @("--db", "`"$Db`"") -PassThru
    Start-Sleep -Seconds 15
    if ($App.HasExited) { throw "HandoverDesk.exe ended at its start (exit code $($App.ExitCode))" }
    Stop-Process -Id $App.Id
    # The outputs are checked with the build venv (which has openpyxl, Pillow and pypdfium2).
    $Check = @'
import sys
from pathlib import Path

import pypdfium2
from openpyxl import load_workbook
from PIL import Image

out = Path(sys.argv[1])
for tab in ("overview", "handover", "defects", "keys", "fees"):
    with Image.open(out / f"{tab}.png") as image:
        assert image.size == (1366, 768) and (out / f"{tab}.png").stat().st_size > 20_000, tab
pdf = pypdfium2.PdfDocument(str(out / "settlement.pdf"))
assert len(pdf) >= 1 and "财务结算报告" in pdf[0].get_textpage().get_text_range(), "settlement.pdf"
pdf.close()
book = load_workbook(out / "fees.xlsx")
assert "汇总" in book.sheetnames and book["欠费明细"].max_row > 100, book.sheetnames
print("smoke test: screenshots, settlement PDF and fee workbook ok")
'@
    $CheckFile = Join-Path $Work "check_outputs.py"
    Set-Content -Path $CheckFile -Value $Check -Encoding UTF8  # a file: a pipe would lose the Chinese
    Invoke-Native "the smoke test's outputs" $VenvPython @($CheckFile, $Work)
} finally {
    foreach ($Name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($Name, $Saved[$Name], "Process") }
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

# ---- 4. signing (optional) ------------------------------------------------------------------------
$SignArgs = $null
if ($CertificateFile -or $CertificateThumbprint) {
    $SignTool = Get-Command signtool -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source -First 1
    if (-not $SignTool) {
        $Kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
        $SignTool = Get-ChildItem -Path $Kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -match "\\x64\\" } | Sort-Object FullName -Descending |
            Select-Object -ExpandProperty FullName -First 1
    }
    if (-not $SignTool) { throw "signtool.exe not found: install the Windows SDK's signing tools" }
    $SignArgs = @("sign", "/fd", "sha256", "/tr", $TimestampUrl, "/td", "sha256")
    if ($CertificateThumbprint) {
        $SignArgs += @("/sha1", $CertificateThumbprint)
    } else {
        $SignArgs += @("/f", (Resolve-Path $CertificateFile).Path)
        if ($CertificatePassword) { $SignArgs += @("/p", $CertificatePassword) }
    }
    Step "signing the programs with $SignTool"
    Invoke-Native "signtool sign" $SignTool ($SignArgs + @($Gui, $Cli))
    Invoke-Native "signtool verify" $SignTool @("verify", "/pa", $Gui, $Cli)
} else {
    Write-Host "No certificate given (-CertificateFile or -CertificateThumbprint): the programs are not signed."
}

# ---- 5. the installer (optional) ------------------------------------------------------------------
if ($SkipInstaller) { Step "done: $Bundle"; exit 0 }
$Iscc = Get-Command iscc -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source -First 1
if (-not $Iscc) {
    foreach ($Key in @("HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1",
                       "HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1",
                       "HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1")) {
        $Item = Get-ItemProperty -Path $Key -ErrorAction SilentlyContinue
        if ($Item -and ($Item.PSObject.Properties.Name -contains "InstallLocation") -and
                (Test-Path (Join-Path $Item.InstallLocation "ISCC.exe"))) {
            $Iscc = Join-Path $Item.InstallLocation "ISCC.exe"; break
        }
    }
}
if (-not $Iscc) {
    foreach ($Folder in @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA "Programs"))) {
        if ($Folder -and (Test-Path (Join-Path $Folder "Inno Setup 6\ISCC.exe"))) { $Iscc = Join-Path $Folder "Inno Setup 6\ISCC.exe"; break }
    }
}
if (-not $Iscc) {
    Write-Host "Inno Setup 6 (ISCC.exe) not found: no installer built. The bundle is ready in $Bundle."
    exit 0
}
Step "installer with $Iscc"
$IsccArgs = @("/Q", "/DAppVersion=$Version", "/DBundleDir=$Bundle", "/DOutputDir=$(Join-Path $Dist 'installer')")
if ($SignArgs) {
    # ISCC signs Setup and its uninstaller through this named sign tool ($f: the file, $q: a quote).
    $Quoted = ($SignArgs | ForEach-Object { if ($_ -match "\s") { '$q' + $_ + '$q' } else { $_ } }) -join " "
    $IsccArgs += @("/DSign", ('/Shandoverdesk=$q' + $SignTool + '$q ' + $Quoted + ' $f'))
}
Invoke-Native "ISCC" $Iscc ($IsccArgs + @("packaging\handoverdesk.iss"))
$Setup = Join-Path $Dist "installer\HandoverDesk-$Version-setup.exe"
if (-not (Test-Path $Setup)) { throw "ISCC made no $Setup" }
Step "done: $Setup"
