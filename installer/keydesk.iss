; Inno Setup 6.3+ script: the Windows installer for a front-desk PC.
; Built by `python installer\build.py` on Windows, which bundles dist\KeyDesk first and then
; runs `ISCC /DAppVersion=<version> installer\keydesk.iss`. Relative paths below are relative
; to this folder (installer\), Inno Setup's default SourceDir.
;
; Layout installed to {app} (= the bundle dist\KeyDesk as PyInstaller made it):
;   keydesk.exe          console program: CLI, `self-test`, window when run from a shell
;   keydesk-window.exe   same program without a console window (used by the shortcuts)
;   _internal\           Python, Qt and KeyDesk's resources\
;
; Install mode: Setup asks "for all users" (Program Files, needs administrator) or "for me
; only" (no administrator; %LOCALAPPDATA%\Programs). /ALLUSERS or /CURRENTUSER skip the
; question. {autopf}, {group} and {autodesktop} follow the chosen mode.
;
; Uninstall removes only what Setup installed (no [UninstallDelete] on purpose). Each user's
; KeyDesk data stays: settings.json, events.sqlite3, audit.sqlite3 and logs under
; %LOCALAPPDATA%\KeyDesk (platformdirs, see app/paths.py) and passwords or tokens in Windows
; Credential Manager (keyring service "KeyDesk"). The uninstaller says so at the end.

#ifndef AppVersion
  #define AppVersion GetEnv("KEYDESK_VERSION")
#endif
#if AppVersion == ""
  #error Pass the version: ISCC /DAppVersion=x.y.z keydesk.iss (installer\build.py does)
#endif

[Setup]
; AppId identifies the product for upgrades and uninstall; never change it.
AppId={{6F1C7B52-3E0A-4B8B-9A77-0E5D2C1B4A10}
AppName=KeyDesk
AppVersion={#AppVersion}
AppVerName=KeyDesk {#AppVersion}
AppPublisher=KeyDesk
DefaultDirName={autopf}\KeyDesk
DefaultGroupName=KeyDesk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=LICENSE.txt
OutputDir=..\dist
OutputBaseFilename=KeyDesk-{#AppVersion}-setup
UninstallDisplayName=KeyDesk
UninstallDisplayIcon={app}\keydesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Close a running KeyDesk before replacing its files (Restart Manager).
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle. ignoreversion: always replace on upgrade.
Source: "..\dist\KeyDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's libraries wholesale: files a newer PyInstaller build no
; longer has must not linger next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\KeyDesk"; Filename: "{app}\keydesk-window.exe"; Parameters: "window"; WorkingDir: "{app}"; Comment: "Front-desk cards, keys, locks and access monitoring"
Name: "{group}\KeyDesk (demo)"; Filename: "{app}\keydesk-window.exe"; Parameters: "demo"; WorkingDir: "{app}"; Comment: "KeyDesk on its built-in simulators (training; touches no real lock or setting)"
Name: "{group}\KeyDesk self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\keydesk.exe"" self-test"; WorkingDir: "{app}"; Comment: "Check this installation end to end on the simulators"
Name: "{group}\{cm:UninstallProgram,KeyDesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\KeyDesk"; Filename: "{app}\keydesk-window.exe"; Parameters: "window"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; cmd /k keeps the console open so the self-test's PASS/FAIL lines can be read.
Filename: "{cmd}"; Parameters: "/k ""{app}\keydesk.exe"" self-test"; WorkingDir: "{app}"; Description: "Run the self-test now (checks this installation on the simulators)"; Flags: postinstall nowait skipifsilent unchecked
Filename: "{app}\keydesk-window.exe"; Parameters: "window"; WorkingDir: "{app}"; Description: "{cm:LaunchProgram,KeyDesk}"; Flags: postinstall nowait skipifsilent

[Code]
{ Said after uninstalling, unless silent: what stays behind on purpose, and where. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('KeyDesk was removed. Each user''s KeyDesk data was kept, so a reinstall ' +
      'picks up where it left off:' + #13#10#13#10 +
      '- settings, access events, the audit log and logs: the folder ' +
      '%LOCALAPPDATA%\KeyDesk in the user profile' + #13#10 +
      '- saved passwords and tokens: Windows Credential Manager, generic credentials ' +
      'named KeyDesk or ending in @KeyDesk' + #13#10#13#10 +
      'Delete them by hand when this PC leaves the front desk.', mbInformation, MB_OK);
end;
