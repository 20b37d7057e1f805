# wordfreq reads its word lists from its package folder; the trimming keeps the app's languages.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("wordfreq")
