# Builds the Windows release: dist\flxdesk\ (one folder) and
# dist\flxdesk-<version>-windows-x64-setup.exe (Inno Setup installer).
#
#   powershell -ExecutionPolicy Bypass -File build_scripts\build_windows.ps1
#
# Run it in the build environment (requirements-build.txt installed; see the README).
# Needs Inno Setup 6 (iscc.exe on PATH or in its default folder; `choco install innosetup`).
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)
$python = if ($env:PYTHON) { $env:PYTHON } else { 'python' }

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe exited with code $LASTEXITCODE" }
}

$version = (& $python build_scripts\buildinfo.py version).Trim()
$numeric = (& $python build_scripts\buildinfo.py numeric).Trim()

Invoke-Checked $python @('-m', 'PyInstaller', '--noconfirm', '--clean', '--log-level', 'WARN',
    '--distpath', 'dist', '--workpath', 'build\pyinstaller', 'build_scripts\flxdesk.spec')

# Smoke test. flxdesk.exe is a windowed (GUI) program: PowerShell would not wait for it
# nor show its output, so run it with redirected output and wait.
$out = Join-Path $env:TEMP 'flxdesk-version.txt'
$run = Start-Process -FilePath (Resolve-Path 'dist\flxdesk\flxdesk.exe') -ArgumentList '--version' `
    -RedirectStandardOutput $out -NoNewWindow -Wait -PassThru
$reported = "$(Get-Content $out -Raw)".Trim()
if ($run.ExitCode -ne 0 -or $reported -ne "flxdesk $version") {
    throw "frozen app reported '$reported' (exit code $($run.ExitCode)), expected 'flxdesk $version'"
}

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = Join-Path ${env:ProgramFiles(x86)} 'Inno Setup 6\ISCC.exe' }
if (-not (Test-Path $iscc)) { throw 'Inno Setup 6 not found: choco install innosetup' }
Invoke-Checked $iscc @('/Q', "/DAppVersion=$version", "/DAppVersionNumeric=$numeric",
    'build_scripts\flxdesk.iss')

$installer = "dist\flxdesk-$version-windows-x64-setup.exe"
Write-Host "built $installer ($([math]::Round((Get-Item $installer).Length / 1MB)) MB)"
