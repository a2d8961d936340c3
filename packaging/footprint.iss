; Inno Setup script: Footprint for one Windows user, installed without administrator rights.
;
; Build after packaging/build_frozen.py has made dist\Footprint\ (the workflow does this):
;   ISCC.exe /DAppVersion=0.1.0 packaging\footprint.iss
; Output: dist\Footprint-<version>-windows-setup.exe
;
; It installs to %LOCALAPPDATA%\Programs\Footprint (where per-user programs go), adds a
; Start menu entry (and, if asked, a desktop shortcut), and registers an uninstaller for this
; user only. The worker's data (%LOCALAPPDATA%\Footprint) is never touched by installing,
; upgrading or uninstalling; "Delete all my data" in Settings removes it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; Never change AppId: upgrades find the earlier installation by it.
AppId={{59D3FEA4-D4D5-42A8-AE95-BE68B1EDDDB7}
AppName=Footprint
AppVersion={#AppVersion}
AppVerName=Footprint {#AppVersion}
AppPublisher=Footprint contributors
AppCopyright=MIT licence, Footprint contributors
VersionInfoVersion={#AppVersion}
VersionInfoDescription=Footprint setup
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\Footprint
DisableDirPage=auto
DefaultGroupName=Footprint
DisableProgramGroupPage=yes
LicenseFile=..\LICENSE
SetupIconFile=..\resources\icons\footprint.ico
UninstallDisplayIcon={app}\Footprint.exe
UninstallDisplayName=Footprint
OutputDir=..\dist
OutputBaseFilename=Footprint-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Close a running Footprint (it may be in the tray) before replacing its files.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Files of an earlier version that this one no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\Footprint\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Footprint"; Filename: "{app}\Footprint.exe"; Comment: "Privacy self-audit"
Name: "{autodesktop}\Footprint"; Filename: "{app}\Footprint.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Footprint.exe"; Description: "{cm:LaunchProgram,Footprint}"; Flags: nowait postinstall skipifsilent

[Code]
// Start at login is written by Footprint itself (the HKCU Run value "Footprint");
// uninstalling removes it, so nothing is left pointing at a program that is gone.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
    RegDeleteValue(HKEY_CURRENT_USER, 'Software\Microsoft\Windows\CurrentVersion\Run', 'Footprint');
end;
