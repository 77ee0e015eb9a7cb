use "general.comp"
