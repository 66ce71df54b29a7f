; Inno Setup 6 script: the Windows installer for the one-folder build in dist\flxdesk.
; build_scripts\build_windows.ps1 runs it with the version from pyproject.toml:
;
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 build_scripts\flxdesk.iss
;
; Relative paths below are relative to this file's folder. Installs per user by default
; (no administrator rights needed); the first page offers "all users" instead.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z /DAppVersionNumeric=X.Y.Z.0 flxdesk.iss
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#define AppName "flxdesk"
#define AppExe "flxdesk.exe"

[Setup]
; The AppId identifies the app across versions (upgrades, uninstall); never change it.
AppId={{DD3B4A90-4467-4A38-86DD-2CE52A4AA048}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
; Qt 6 (PySide6) needs 64-bit Windows 10 version 1809 or later (Windows 11, Server 2019 and
; later too): an older Windows is told so by the installer, instead of getting an app that
; cannot start.
MinVersion=10.0.17763
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\resources\flxdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Ask a running flxdesk to close before files are replaced.
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\{#AppName}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program files only. The history, settings and logs in
; %LOCALAPPDATA%\flxdesk and the token in Credential Manager stay, as people expect
; when they reinstall; "Token > Forget saved token" removes the token first if wanted.
